import * as Y from 'yjs'
import type { ParsedRoom } from '../../shared/rooms'
import type { AwarenessEntry } from './awareness'
import type { OutgoingAwareness } from './awarenessOut'
import { frameMessage, type WireFrame } from './frame'
import { Outbox } from './outbox'

/** Departed client ids a room remembers: a long-lived room sees a new one with every connection. */
const MAX_DEPARTED = 1000

/** What a room needs from a connection: a way to send, and who it is. */
export interface RoomPeer {
  send(message: Uint8Array): void
  /** Sends a broadcast framed once for every peer; a peer without it is sent the bare message. */
  sendFrame?(frame: WireFrame): void
  close(code: number, reason: string): void
  readonly clientIds: Set<number>
  /** The person (id) this peer is connected as, if their token proved one. */
  readonly person?: string
  /** The person took a new name (POST /join with their token): their next presence carries it. */
  renamed?(name: string): void
}

/** One open room: its document in memory, its connections and their awareness states. */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly peers = new Set<RoomPeer>()
  /** The latest awareness entry of each client id, and which peer owns it. */
  readonly awareness = new Map<number, { entry: AwarenessEntry; owner: RoomPeer }>()
  /** When each awareness state owned by another instance (REMOTE_OWNER) was last renewed. */
  readonly remoteSeen = new Map<number, number>()
  /** Awareness entries not yet sent to the peers, by client id (see AwarenessOut). */
  readonly awarenessOut = new Map<number, OutgoingAwareness>()
  /** When the room's last awareness message went out (performance.now()), and the timer for its next. */
  awarenessSentAt = -Infinity
  awarenessTimer: NodeJS.Timeout | null = null
  /** Client ids whose state was removed; late echoes of them from other clients are ignored, not punished. */
  readonly departed = new Set<number>()
  /** Updates applied but not yet stored and relayed. */
  pending: Uint8Array[] = []
  /** When the room's last update was applied (performance.now()). */
  lastUpdateAt = -Infinity
  /** Updates a second the room has had lately (a moving average, see Relay): how busy it is. */
  updateRate = 0
  /** Stored updates on their way to the peers. */
  readonly outbox = new Outbox()
  /** Rows in storage for this room since the last compaction. */
  storedRows = 0
  /** Bytes of this room's stored document (its rows since the last compaction, that snapshot included). */
  bytes = 0
  /** Bytes each writer added while the room is open (by owner id; '' for everyone without a token): see DocCaps.personShare. */
  readonly bytesBy = new Map<string, number>()
  /** Bytes of the last snapshot this room was compacted into (0 before any). */
  snapshotBytes = 0
  /** Whether removals were applied since the last compaction, and when that was (performance.now()). */
  removedSinceCompaction = false
  compactedAt = 0
  /** When the document was last measured to see what removals freed (performance.now()). */
  measuredAt = -Infinity
  /** A timer to look at the room again for compaction (see Relay.recheckLater). */
  recheck: NodeJS.Timeout | null = null
  /**
   * Who writes under each Yjs client id: the connection that does now (null once it has closed) and
   * who it is. Another connection may not add structs under a client id in use, nor a closed one's
   * that a token proved, so nobody can take the clocks someone's next changes need (the server would
   * drop those as already known).
   */
  readonly writers = new Map<number, { self: string; peer: RoomPeer | null }>()
  private readonly claims = new Map<RoomPeer, number[]>()
  /** For a board or a private room: its session's control room, held open while the room is (its rules). */
  control: { room: Room; hold: RoomPeer } | null = null

  constructor(
    readonly name: string,
    readonly info: ParsedRoom,
  ) {}

  /** Remembers a client id whose state was removed; only the most recent ones (late echoes come soon). */
  depart(clientId: number): void {
    this.departed.delete(clientId)
    this.departed.add(clientId)
    for (const oldest of this.departed) {
      if (this.departed.size <= MAX_DEPARTED) break
      this.departed.delete(oldest)
    }
  }

  join(peer: RoomPeer): void {
    this.peers.add(peer)
    this.outbox.add(peer)
  }

  leave(peer: RoomPeer): void {
    this.peers.delete(peer)
    this.outbox.remove(peer)
    for (const client of this.claims.get(peer) ?? []) {
      const writer = this.writers.get(client)
      if (writer?.peer === peer) writer.peer = null
    }
    this.claims.delete(peer)
  }

  /** Whether this peer may add structs under this client id (see `writers`). */
  mayWriteAs(client: number, peer: RoomPeer, self: string): boolean {
    const writer = this.writers.get(client)
    if (!writer || writer.peer === peer) return true
    // the same person proven by token (a reconnect while the old socket has not timed out yet)
    if (writer.self !== '' && writer.self === self) return true
    return writer.peer === null && writer.self === ''
  }

  /** Client ids a person wrote under before the room was loaded (stored records): theirs alone still. */
  restoreWriters(records: ReadonlyMap<number, string>): void {
    for (const [client, self] of records)
      if (!this.writers.has(client)) this.writers.set(client, { self, peer: null })
  }

  /** Records that this peer writes under this client id. */
  claim(client: number, peer: RoomPeer, self: string): void {
    const writer = this.writers.get(client)
    if (writer?.peer === peer) return
    this.writers.set(client, { self, peer })
    let list = this.claims.get(peer)
    if (!list) this.claims.set(peer, (list = []))
    list.push(client)
  }

  /** Sends a message to every peer now, framed once for all of them. */
  broadcast(message: Uint8Array, except?: RoomPeer): void {
    const frame = frameMessage(message)
    for (const peer of this.peers) {
      if (peer === except) continue
      if (peer.sendFrame) peer.sendFrame(frame)
      else peer.send(message)
    }
  }
}

/** A peer that only keeps a room loaded; it receives nothing and owns no awareness. */
export class HoldPeer implements RoomPeer {
  readonly clientIds = new Set<number>()
  send(): void {}
  close(): void {}
}

/** Owner of the awareness states of clients connected to other instances (see Fanout). */
export const REMOTE_OWNER: RoomPeer = new HoldPeer()
