import { z } from 'zod'
import { ownerOfToken } from '../../../shared/identity'
import { endVoting, recordAnswer } from '../../sessions/facilitation'
import { revealPrivateNotes } from '../../sessions/reveal'
import { logSkipped } from '../../sessions/skipped'
import { HttpError, readJson, sendJson } from '../respond'
import { access, asFacilitator, type ApiDeps, type Route } from '../route'

const answerBody = z.object({ answer: z.enum(['agree', 'discuss']) })

/** Commitment answers, the end of voting, and revealing private notes: what the server does for the room. */
export const facilitationRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/answer$/,
    handle: async (req, res, url, match) => {
      const { session } = await access(deps, match, url)
      const token = url.searchParams.get('token')
      if (!token || token.length < 16 || token.length > 200)
        throw new HttpError(400, 'a private token is required')
      const body = answerBody.safeParse(await readJson(req, 1024))
      if (!body.success) throw new HttpError(400, 'answer must be "agree" or "discuss"')
      await recordAnswer(deps.relay, session.id, ownerOfToken(token), body.data.answer)
      res.writeHead(204).end()
    },
  },
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
