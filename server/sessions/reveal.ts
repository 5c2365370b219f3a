import { transferAllObjects } from '../../shared/ops/transfer'
import { PRIVATE_PREFIX, boardRoom, parseRoom } from '../../shared/rooms'
import type { Relay } from '../relay/relay'
import { HoldPeer } from '../relay/room'
import type { DocStorage } from '../storage/types'
import { SERVER_ORIGIN } from './roomAccess'

/**
 * Reveal: moves every participant's private notes onto the board. Done by the server through the
 * relay, so the move is stored and relayed like any edit, and works whoever is connected.
 */
export async function revealPrivateNotes(
  relay: Relay,
  storage: DocStorage,
  sessionId: string,
): Promise<number> {
  const names = await storage.listRooms(PRIVATE_PREFIX(sessionId))
  const hold = new HoldPeer()
  const board = await relay.join(boardRoom(sessionId), { sessionId, kind: 'board' }, hold)
  let moved = 0
  try {
    for (const name of names) {
      const info = parseRoom(name)
      if (info?.kind !== 'private') continue
      const room = await relay.join(name, info, hold)
      moved += transferAllObjects(room.doc, board.doc, SERVER_ORIGIN)
      relay.leave(room, hold)
    }
  } finally {
    relay.leave(board, hold)
  }
  await relay.flushed()
  return moved
}
