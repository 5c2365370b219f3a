import { parseRoom } from '../../shared/rooms'
import type { Relay } from '../relay/relay'
import { HoldPeer, type Room } from '../relay/room'

/** Origin of the server's own writes (they are stored and relayed like anyone's). */
export const SERVER_ORIGIN = Symbol('server')

/**
 * Runs `fn` with a room's live document, loading it if no one has it open. Whatever `fn` writes is
 * stored and relayed like any edit; the room unloads again afterwards if no one else is in it.
 */
export async function withRoom<T>(relay: Relay, name: string, fn: (room: Room) => T): Promise<T> {
  const info = parseRoom(name)
  if (!info) throw new Error(`not a room: ${name}`)
  const hold = new HoldPeer()
  const room = await relay.join(name, info, hold)
  try {
    return fn(room)
  } finally {
    relay.leave(room, hold)
  }
}
