import { PRIVATE_PREFIX, boardRoom, controlRoom, parseRoom } from '../../shared/rooms'
import { votableIds } from '../../shared/schema/boardDoc'
import { sessionMapOf } from '../../shared/schema/controlDoc'
import { cappedVotes, myVotesOf, readFacilitation, resultsOf } from '../../shared/schema/facilitation'
import { LIMITS } from '../../shared/schema/limits'
import { clearSafely, isSafeToDelete } from '../../shared/schema/nesting'
import { skipCounter, type Skipped } from '../../shared/schema/skipped'
import type { Logger } from '../logger'
import type { Relay } from '../relay/relay'
import type { DocStorage, SessionStore } from '../storage/types'
import { admittedIds } from './people'
import { SERVER_ORIGIN, withRoom } from './roomAccess'

/**
 * Ends dot voting: sums every admitted person's votes from their private rooms (each capped at the budget, so a
 * crafted document cannot vote more), publishes the counts in the control room, and clears the votes.
 * Only votes for objects on the board that can be voted on count (a note, a recipe card, a picture:
 * isVotableKind); a vote for a frame, a made-up id or something deleted meanwhile counts for nothing.
 * A vote that is not a number of votes is skipped and counted (one nested too deep for Yjs to delete
 * stays); a private room that cannot be read is counted and the others still count.
 */
export async function endVoting(
  relay: Relay,
  storage: DocStorage & Pick<SessionStore, 'listPeople'>,
  sessionId: string,
  log: Logger,
): Promise<{ results: Record<string, number>; skipped: Skipped }> {
  const totals = new Map<string, number>()
  const skipped = skipCounter()
  const budget = await withRoom(
    relay,
    controlRoom(sessionId),
    (room) => readFacilitation(room.doc).voteBudget,
  )
  const votable = await withRoom(relay, boardRoom(sessionId), (room) => votableIds(room.doc))
  // one budget per person the server admitted: a private room of anyone else (a made-up id, someone
  // removed or still waiting) is not counted
  const admitted = await admittedIds(storage, sessionId)
  for (const name of await storage.listRooms(PRIVATE_PREFIX(sessionId))) {
    const info = parseRoom(name)
    if (info?.kind !== 'private' || !admitted.has(info.owner ?? '')) continue
    try {
      await withRoom(relay, name, (room) => {
        const votes = myVotesOf(room.doc)
        const mine = cappedVotes(votes, budget, skipped)
        for (const [id, n] of mine) if (votable.has(id)) totals.set(id, (totals.get(id) ?? 0) + n)
        // what stays (nested too deep to delete) was counted above as not a number of votes
        if (votes.size > 0)
          room.doc.transact(() => clearSafely(votes, LIMITS.richTextMaxDepth), SERVER_ORIGIN)
      })
    } catch (err) {
      log.error({ err, session: sessionId, room: name }, 'end voting: a private room could not be read')
      skipped.add('rooms')
    }
  }
  await withRoom(relay, controlRoom(sessionId), (room) => {
    room.doc.transact(() => {
      const results = resultsOf(room.doc)
      skipped.add('votes', clearSafely(results, LIMITS.richTextMaxDepth))
      for (const [id, n] of totals)
        if (isSafeToDelete(results.get(id), LIMITS.richTextMaxDepth)) results.set(id, n)
      const session = sessionMapOf(room.doc)
      if (isSafeToDelete(session.get('mode'), LIMITS.richTextMaxDepth)) session.set('mode', 'free')
    }, SERVER_ORIGIN)
  })
  await relay.flushed()
  return { results: Object.fromEntries(totals), skipped: skipped.counts }
}
