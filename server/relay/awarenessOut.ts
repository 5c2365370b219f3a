import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness'
import { frameMessage, type WireFrame } from './frame'
import { encodeAwarenessMessage } from './protocol'
import { REMOTE_OWNER, type Room, type RoomPeer } from './room'

/** An awareness entry on its way out, and the peer it came from (null: none here, e.g. a removal). */
export interface OutgoingAwareness {
  readonly entry: AwarenessEntry
  readonly owner: RoomPeer | null
}

/**
 * Awareness (cursors, selections, names) on its way to a room's peers, sent together: every state
 * that changed since the room's last awareness message goes out in one message, at most once per
 * frame (`frameMs`). The first change after a quiet frame goes out at once (in the next event-loop
 * turn); in a busy room (20 people moving cursors at 10 Hz is a change every 5 ms) each peer gets one
 * message per frame carrying every cursor that moved, instead of one message per cursor move: the
 * relay's cost is its socket writes, one per message and peer. Of a client's states within one
 * frame only the latest is sent, as Yjs awareness keeps only the latest anyway. A peer is never
 * sent its own states, except one the server renewed (queued with no owner: see Connection.renamed).
 */
export class AwarenessOut {
  private readonly due = new Set<Room>()
  private scheduled = false

  constructor(private readonly frameMs: number) {}

  /** Queues entries for a room's peers (except their owner). */
  queue(room: Room, entries: readonly AwarenessEntry[], owner: RoomPeer | null): void {
    if (entries.length === 0) return
    const out = room.awarenessOut
    for (const entry of entries) {
      out.delete(entry.clientId) // re-inserted last: entries go out in the order they last changed
      out.set(entry.clientId, { entry, owner })
    }
    if (room.awarenessTimer || this.due.has(room)) return
    const wait = room.awarenessSentAt + this.frameMs - performance.now()
    if (wait <= 0) return this.markDue(room)
    room.awarenessTimer = setTimeout(() => {
      room.awarenessTimer = null
      this.markDue(room)
    }, wait)
  }

  /** Forgets a room's queued awareness (it is unloaded). */
  drop(room: Room): void {
    this.due.delete(room)
    if (room.awarenessTimer) clearTimeout(room.awarenessTimer)
    room.awarenessTimer = null
    room.awarenessOut.clear()
  }

  private markDue(room: Room): void {
    this.due.add(room)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      for (const r of this.due) send(r)
      this.due.clear()
    })
  }
}

/** Sends a room's queued awareness: one frame for every peer, or the same without its own states. */
function send(room: Room): void {
  const queued = [...room.awarenessOut.values()]
  room.awarenessOut.clear()
  room.awarenessSentAt = performance.now()
  if (queued.length === 0) return
  const frame = (entries: readonly OutgoingAwareness[]): WireFrame =>
    frameMessage(encodeAwarenessMessage(encodeAwarenessUpdate(entries.map((q) => q.entry))))
  const owners = new Set(queued.map((q) => q.owner))
  let all: WireFrame | null = null
  for (const peer of room.peers) {
    let f: WireFrame | null
    if (!owners.has(peer)) f = all ??= frame(queued)
    else {
      const others = queued.filter((q) => q.owner !== peer)
      f = others.length > 0 ? frame(others) : null
    }
    if (!f) continue
    if (peer.sendFrame) peer.sendFrame(f)
    else peer.send(f.message)
  }
}

/** Of an awareness update from another instance, the entries this room takes (and keeps, as REMOTE_OWNER's). */
export function acceptRemoteAwareness(room: Room, update: Uint8Array): AwarenessEntry[] {
  let entries: AwarenessEntry[]
  try {
    entries = decodeAwarenessUpdate(update)
  } catch {
    return [] // checked by the instance that published it
  }
  const now = Date.now()
  return entries.filter((entry) => {
    const current = room.awareness.get(entry.clientId)
    if (current && current.owner !== REMOTE_OWNER) return false // a connection here owns that id
    if (entry.json === 'null') {
      room.awareness.delete(entry.clientId)
      room.remoteSeen.delete(entry.clientId)
      return current !== undefined
    }
    if (current && entry.clock < current.entry.clock) return false
    room.awareness.set(entry.clientId, { entry, owner: REMOTE_OWNER })
    room.remoteSeen.set(entry.clientId, now)
    return true
  })
}

/** Removes the states of clients on other instances not renewed since `before`; returns their removals. */
export function expireRemoteAwareness(room: Room, before: number): AwarenessEntry[] {
  const removals: AwarenessEntry[] = []
  for (const [clientId, seen] of room.remoteSeen) {
    const current = room.awareness.get(clientId)
    if (seen > before) continue
    room.remoteSeen.delete(clientId)
    if (!current || current.owner !== REMOTE_OWNER) continue
    room.awareness.delete(clientId)
    removals.push({ clientId, clock: current.entry.clock + 1, json: 'null' })
  }
  return removals
}

/** Removals of a leaving peer's awareness states (taken out of the room's states here). */
export function departures(room: Room, peer: RoomPeer): AwarenessEntry[] {
  const removals: AwarenessEntry[] = []
  for (const id of peer.clientIds) {
    const current = room.awareness.get(id)
    if (current === undefined || current.owner !== peer) continue
    room.awareness.delete(id)
    removals.push({ clientId: id, clock: current.entry.clock + 1, json: 'null' })
  }
  return removals
}
