import { PRIVATE_PREFIX, controlRoom } from '../../shared/rooms'
import { sessionMapOf } from '../../shared/schema/controlDoc'
import {
  answersOf,
  cappedVotes,
  myVotesOf,
  readFacilitation,
  resultsOf,
} from '../../shared/schema/facilitation'
import type { Relay } from '../relay/relay'
import type { DocStorage } from '../storage/types'
import { SERVER_ORIGIN, withRoom } from './roomAccess'

export type Answer = 'agree' | 'discuss'

/**
 * Records one person's answer to the Community Commitments under their private owner id, so the
 * facilitator sees counts and no names. Answering again replaces the earlier answer.
 */
export async function recordAnswer(
  relay: Relay,
  sessionId: string,
  owner: string,
  answer: Answer,
): Promise<void> {
  await withRoom(relay, controlRoom(sessionId), (room) => {
    room.doc.transact(() => answersOf(room.doc).set(owner, answer), SERVER_ORIGIN)
  })
  await relay.flushed()
}

/**
 * Ends dot voting: sums everyone's votes from their private rooms (each capped at the budget, so a
 * crafted document cannot vote more), publishes the counts in the control room, and clears the votes.
 */
export async function endVoting(
  relay: Relay,
  storage: DocStorage,
  sessionId: string,
): Promise<Record<string, number>> {
  const totals = new Map<string, number>()
  const budget = await withRoom(
    relay,
    controlRoom(sessionId),
    (room) => readFacilitation(room.doc).voteBudget,
  )
  for (const name of await storage.listRooms(PRIVATE_PREFIX(sessionId))) {
    await withRoom(relay, name, (room) => {
      const votes = myVotesOf(room.doc)
      for (const [id, n] of cappedVotes(votes, budget)) totals.set(id, (totals.get(id) ?? 0) + n)
      if (votes.size > 0) room.doc.transact(() => votes.clear(), SERVER_ORIGIN)
    })
  }
  await withRoom(relay, controlRoom(sessionId), (room) => {
    room.doc.transact(() => {
      const results = resultsOf(room.doc)
      results.clear()
      for (const [id, n] of totals) results.set(id, n)
      sessionMapOf(room.doc).set('mode', 'free')
    }, SERVER_ORIGIN)
  })
  await relay.flushed()
  return Object.fromEntries(totals)
}
