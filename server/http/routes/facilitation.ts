import { endVoting } from '../../sessions/facilitation'
import { revealPrivateNotes } from '../../sessions/reveal'
import { logSkipped } from '../../sessions/skipped'
import { sendJson } from '../respond'
import { asFacilitator, type ApiDeps, type Route } from '../route'

/** The end of voting, and revealing private notes: what the server does for the room (answers: people.ts). */
export const facilitationRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/voting\/end$/,
    handle: async (_req, res, url, match) => {
      const session = await asFacilitator(deps, match, url, 'end voting')
      const { results, skipped } = await endVoting(deps.relay, deps.storage, session.id, deps.log)
      logSkipped(deps.log, 'voting/end', session.id, skipped)
      sendJson(res, 200, { results })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/reveal$/,
    handle: async (_req, res, url, match) => {
      const session = await asFacilitator(deps, match, url, 'reveal private notes')
      const { moved: revealed, skipped } = await revealPrivateNotes(
        deps.relay,
        deps.storage,
        session.id,
        deps.log,
      )
      logSkipped(deps.log, 'reveal', session.id, skipped)
      deps.log.info({ session: session.id, revealed }, 'private notes revealed')
      sendJson(res, 200, { revealed })
    },
  },
]
