import type { ParsedRoom } from '../../shared/rooms'
import { encodeIntegratedState } from './pending'
import type { Relay } from './relay'
import { HoldPeer } from './room'

/**
 * A room's whole document as one Yjs update: what a newcomer's first sync would bring (loaded and
 * upgraded to this build's schema if the room was not open; data still waiting for its dependencies
 * left out). The room stays open only while it is read.
 */
export async function roomSnapshot(relay: Relay, name: string, info: ParsedRoom): Promise<Uint8Array> {
  const hold = new HoldPeer()
  const room = await relay.join(name, info, hold)
  try {
    return encodeIntegratedState(room.doc)
  } finally {
    relay.leave(room, hold)
  }
}
