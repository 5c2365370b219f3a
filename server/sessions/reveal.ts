import { boxesOn, transferAllObjects } from '../../shared/ops/transfer'
import { PRIVATE_PREFIX, boardRoom, parseRoom } from '../../shared/rooms'
import { addSkipped, type Skipped } from '../../shared/schema/skipped'
import type { Logger } from '../logger'
import type { Relay } from '../relay/relay'
import { HoldPeer } from '../relay/room'
import type { DocStorage, SessionStore } from '../storage/types'
import { admittedIds } from './people'
import { SERVER_ORIGIN } from './roomAccess'

/**
 * Reveal: moves every admitted person's private notes onto the board. Done by the server through the
 * relay, so the move is stored and relayed like any edit, and works whoever is connected. Entries
 * that cannot be read stay in their private room and are counted; a room that cannot be opened at
 * all is counted too, and the others are still revealed.
 */
export async function revealPrivateNotes(
  relay: Relay,
  storage: DocStorage & Pick<SessionStore, 'listPeople'>,
  sessionId: string,
  log: Logger,
): Promise<{ moved: number; skipped: Skipped }> {
  const names = await storage.listRooms(PRIVATE_PREFIX(sessionId))
  // only admitted people's notes: never a removed person's, nor a room no person the server knows owns
  const admitted = await admittedIds(storage, sessionId)
  const hold = new HoldPeer()
  const board = await relay.join(boardRoom(sessionId), { sessionId, kind: 'board' }, hold)
  let moved = 0
  let skipped: Skipped = {}
  // what is on the board, worked out once: each room's notes are placed clear of it and of the last
  const boxes = boxesOn(board.doc)
  try {
    for (const name of names) {
      const info = parseRoom(name)
      if (info?.kind !== 'private' || !admitted.has(info.owner ?? '')) continue
      try {
        const room = await relay.join(name, info, hold)
        try {
          const done = transferAllObjects(room.doc, board.doc, SERVER_ORIGIN, boxes)
          moved += done.moved
          skipped = addSkipped(skipped, done.skipped)
        } finally {
          relay.leave(room, hold)
        }
      } catch (err) {
        log.error({ err, session: sessionId, room: name }, 'reveal: a private room could not be read')
        skipped = addSkipped(skipped, { rooms: 1 })
      }
    }
  } finally {
    relay.leave(board, hold)
  }
  await relay.flushed()
  return { moved, skipped }
}
