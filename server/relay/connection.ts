import type { Socket } from 'node:net'
import * as Y from 'yjs'
import { NewerSchemaError } from '../../shared/schema/migrations'
import type { Refusal } from '../../shared/schema/rules'
import type { WebSocket, RawData } from 'ws'
import type { ParsedRoom, Role } from '../../shared/rooms'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import { takenBy } from '../names'
import {
  correctPresence,
  decodeAwarenessUpdate,
  presentNames,
  encodeAwarenessUpdate,
  type AwarenessEntry,
  type PresenceIdentity,
} from './awareness'
import {
  ProtocolError,
  decodeMessage,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
} from './protocol'
import { checkPending, dropPending, pendingBytes, type PendingLimits } from './pending'
import { rawSocketOf, writeFrame, type WireFrame } from './frame'
import { mayWrite } from './policy'
import {
  checkUpdate,
  claimWriters,
  prepare,
  writerIn,
  type Credit,
  type DocCaps,
  type Incoming,
} from './rules'
import { TokenBucket } from './rateLimit'
import type { Relay } from './relay'
import { REMOTE_OWNER, type Room, type RoomPeer } from './room'

export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  protocol: 1002,
  unsupported: 1003,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const

export interface ConnectionLimits {
  /** Messages a connection may send in a burst, and per second after that. */
  readonly burstMessages: number
  readonly messagesPerSecond: number
  /** Bytes a connection may send in a burst, and per second after that. */
  readonly burstBytes: number
  readonly bytesPerSecond: number
  /** A peer that lets this many bytes pile up unread is dropped. */
  readonly maxBufferedBytes: number
  /**
   * Awareness bytes a connection may cost in a burst and per second: the states of its own it
   * publishes, and what is sent back in answer to its queries. Each state is relayed to every peer
   * of the room, so this bounds what one connection can make the relay send; it is well above what
   * a moving cursor needs.
   */
  readonly awarenessBurstBytes: number
  readonly awarenessBytesPerSecond: number
  /** Data of updates whose dependencies are missing a room may hold, and for how long (pending.ts). */
  readonly pending: PendingLimits
  /** What one update and one room's document may hold (rules.ts). */
  readonly caps: DocCaps
  /**
   * Milliseconds the relay may spend checking one connection's updates, at once and per second
   * (an honest update takes well under a millisecond; a 1 MiB paste some tens).
   */
  readonly checkBurstMs: number
  readonly checkMsPerSecond: number
}

/**
 * One websocket in one room, with the role its key granted. Messages that arrive while the room
 * loads wait in order; each is decoded and checked whole before anything is applied.
 */
export class Connection implements RoomPeer {
  readonly clientIds = new Set<number>()
  private room: Room | null = null
  private queue: Uint8Array[] = []
  /** The names this connection's person has had while it was open (see Writer.names). */
  private readonly names: string[] = []
  private closed = false
  /** Whether this connection has had its first sync answer (which costs it nothing). */
  private synced = false
  private readonly messages: TokenBucket
  private readonly bytes: TokenBucket
  private readonly awarenessBytes: TokenBucket
  /** Milliseconds of checking this connection's updates may cost, at once and per second. */
  private readonly checkTime: TokenBucket
  /** Where prepared frames are written directly, if the socket allows it (see frame.ts). */
  private readonly socket: Socket | null

  constructor(
    private readonly ws: WebSocket,
    private readonly roomName: string,
    private readonly roomInfo: ParsedRoom,
    readonly role: Role,
    /** Who writes (the owner id their private token proves; '' without one). */
    private readonly self: string,
    private readonly relay: Relay,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly limits: ConnectionLimits,
    /** Who this connection's presence says it is (see correctPresence); the role alone without. */
    private identity: PresenceIdentity = { role, person: null, takenNames: new Set() },
  ) {
    this.messages = new TokenBucket(limits.burstMessages, limits.messagesPerSecond)
    this.bytes = new TokenBucket(limits.burstBytes, limits.bytesPerSecond)
    this.awarenessBytes = new TokenBucket(limits.awarenessBurstBytes, limits.awarenessBytesPerSecond)
    this.checkTime = new TokenBucket(limits.checkBurstMs, limits.checkMsPerSecond)
    this.socket = rawSocketOf(ws)
    if (identity.person) this.names.push(identity.person.name)
    this.credit = identity.person
      ? { names: this.names }
      : {
          takenNames: {
            has: (name) => !!this.room && takenBy(this.presentAs(this.room).takenNames).has(name),
          },
        }
    ws.on('message', (data, isBinary) => this.receive(data, isBinary))
    // pings and pongs count as messages, so a flood of control frames meets the same limit as a
    // flood of tiny messages (ws's own answer, autoPong, is off: it would only cut a flood off silently)
    ws.on('ping', (data) => {
      if (this.control() && ws.readyState === ws.OPEN) ws.pong(data)
    })
    ws.on('pong', () => this.control())
    ws.on('close', () => this.closedByPeer())
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the connection itself on frames past its limits (1008, 1009, 1002): count why
      if (err.code?.startsWith('WS_ERR_'))
        this.metrics.messagesDropped.inc({ reason: err.code.toLowerCase() })
      this.log.debug({ err: err.message, room: roomName }, 'socket error')
    })
    void this.relay.join(roomName, roomInfo, this).then(
      (room) => this.ready(room),
      (err: unknown) => {
        this.log.error({ err, room: roomName }, 'room failed to load')
        // a board a newer server upgraded (then rolled back): said, and retried (another instance may be newer)
        this.close(CLOSE.internal, err instanceof NewerSchemaError ? err.message : 'room unavailable')
      },
    )
  }

  /** The person this connection's token proved, if any (closed when a facilitator removes them). */
  get person(): string | undefined {
    return this.identity.person?.id
  }

  /**
   * The person took a new name: the presence they publish from now on carries it, and so does what
   * they published already, re-sent at once a clock later to everyone, themselves included (so
   * their next state follows on from it). Others see the new name then, whether the page's own
   * re-publishing reached this instance before the rename did (another instance may have taken it)
   * or after (a clock behind then, it is dropped as stale: it says nothing new).
   */
  renamed(name: string): void {
    const { person } = this.identity
    if (!person) return
    this.identity = { ...this.identity, person: { ...person, name } }
    // notes the page made under the old name may still be on their way
    this.names.push(name)
    const room = this.room
    if (!room) return
    const renewed: AwarenessEntry[] = []
    for (const [clientId, { entry, owner }] of room.awareness) {
      if (owner !== this) continue
      const json = correctPresence(entry.json, clientId, this.identity)
      if (json === null || json === entry.json) continue
      const next = { clientId, clock: entry.clock + 1, json }
      room.awareness.set(clientId, { entry: next, owner: this })
      renewed.push(next)
    }
    if (renewed.length > 0) this.relay.relayAwareness(room, renewed)
  }

  send(message: Uint8Array): void {
    if (this.writable()) this.ws.send(message)
  }

  sendFrame(frame: WireFrame): void {
    if (this.writable()) writeFrame(this.ws, this.socket, frame)
  }

  /** Whether to send now; a peer that lets too much pile up unread is closed instead. */
  private writable(): boolean {
    if (this.closed) return false
    // what ws.bufferedAmount reads, without its getter, when frames go to the socket directly
    const buffered = this.socket ? this.socket.writableLength : this.ws.bufferedAmount
    if (buffered <= this.limits.maxBufferedBytes) return true
    this.close(CLOSE.policy, 'not reading fast enough')
    return false
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.ws.close(code, reason)
    this.detach()
  }

  private closedByPeer(): void {
    if (this.closed) return // closed by us: already detached (and counted out) in close()
    this.closed = true
    this.detach()
  }

  private detach(): void {
    this.metrics.connections.dec()
    if (this.room) for (const id of this.clientIds) this.room.depart(id)
    if (this.room) this.relay.leave(this.room, this)
    this.room = null
    this.queue = []
  }

  private ready(room: Room): void {
    if (this.closed) {
      this.relay.leave(room, this)
      return
    }
    this.room = room
    this.send(encodeSyncStep1(room.doc))
    const states = [...room.awareness.values()].map((a) => a.entry)
    if (states.length > 0) this.send(encodeAwarenessMessage(encodeAwarenessUpdate(states)))
    const queued = this.queue
    this.queue = []
    for (const message of queued) if (!this.closed) this.handle(room, message)
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return
    if (!isBinary) return this.reject(CLOSE.unsupported, 'text frames are not supported', 'text-frame')
    const message = toUint8Array(data)
    if (!this.messages.take() || !this.bytes.take(message.byteLength)) {
      return this.reject(CLOSE.policy, 'rate limit exceeded', 'rate-limit')
    }
    if (this.room) this.handle(this.room, message)
    else this.queue.push(message)
  }

  /** Counts a control frame against the message rate; false if the connection is (now) closed. */
  private control(): boolean {
    if (this.closed) return false
    if (this.messages.take()) return true
    this.reject(CLOSE.policy, 'rate limit exceeded', 'rate-limit')
    return false
  }

  private handle(room: Room, data: Uint8Array): void {
    try {
      const message = decodeMessage(data)
      switch (message.type) {
        case 'sync-step1': {
          // the answer can be the whole document: after the first (a newcomer's own sync, which a big
          // room must not make fail), it counts against the byte budget like a message
          const answer = encodeSyncStep2(room.doc, message.stateVector)
          if (this.synced && !this.bytes.take(answer.byteLength))
            return this.reject(CLOSE.policy, 'rate limit exceeded', 'rate-limit')
          this.synced = true
          this.send(answer)
          return
        }
        case 'update': {
          if (!mayWrite(this.role, room)) {
            this.metrics.messagesDropped.inc({ reason: 'read-only' })
            return // dropped: not applied, stored or relayed; the connection stays open
          }
          const incoming = prepare(room.doc, message.update)
          if (!this.checked(room, incoming)) return
          this.update(room, incoming.update)
          return
        }
        case 'awareness':
          this.awareness(room, message.update)
          return
        case 'query-awareness': {
          const answer = encodeAwarenessMessage(
            encodeAwarenessUpdate([...room.awareness.values()].map((a) => a.entry)),
          )
          if (!this.awarenessBytes.take(answer.byteLength))
            return this.reject(CLOSE.policy, 'awareness rate limit exceeded', 'awareness-rate')
          this.send(answer)
          return
        }
      }
    } catch (err) {
      if (err instanceof ProtocolError)
        return this.reject(CLOSE.protocol, err.message.slice(0, 120), 'malformed')
      this.log.error({ err, room: this.roomName }, 'failed to handle a message')
      this.reject(CLOSE.internal, 'could not apply the message', 'apply-failed')
    }
  }

  /** Applies a writer's update, keeping what waits for missing dependencies bounded (pending.ts). */
  private update(room: Room, update: Uint8Array): void {
    const before = pendingBytes(room.doc)
    try {
      this.relay.applyUpdate(room, update, this)
    } catch (err) {
      // Yjs can throw half-way through an update that decodes (about 1 in 50 fuzzed ones that pass
      // validation): what it integrated is consistent, stored and relayed; whatever it may have
      // kept pending from this update goes now, since nothing will ask for it
      if (pendingBytes(room.doc) !== before) dropPending(room.doc)
      throw err
    }
    // a checked update depends on nothing the server lacks; what Yjs still parks from it (its structs
    // ordered so that one waits for another) would be integrated later, past the check: dropped
    if (pendingBytes(room.doc) !== before) dropPending(room.doc)
    const verdict = checkPending(room.doc, before, this.limits.pending, (bytes) => {
      this.metrics.messagesDropped.inc({ reason: 'pending-expired' })
      this.log.warn({ room: this.roomName, bytes }, 'dropped updates whose dependencies never arrived')
    })
    if (verdict === 'new') {
      // a stock client has what we lack (writes of its own we dropped, e.g. while the board was locked)
      this.send(encodeSyncStep1(room.doc))
    } else if (verdict === 'over-limit') {
      this.reject(CLOSE.policy, 'too many updates with missing dependencies', 'pending-limit')
    }
  }

  /**
   * Whether an update keeps the room's rules and caps. A refused one is not applied, stored or
   * relayed, and the sender is told why; one that depends on something the server lacks (writes of
   * its own dropped while the board was locked) is answered by asking for what is missing.
   */
  private checked(room: Room, incoming: Incoming): boolean {
    const started = performance.now()
    const writer = writerIn(room, this.role, this.self, this.credit)
    const refusal = checkUpdate(room, incoming, writer, this.limits.caps, this)
    // checking costs time on the relay's one thread: a connection whose updates cost too much to
    // check (crafted to be slow) is closed like one that sends too much
    if (!this.checkTime.take(performance.now() - started)) {
      this.reject(CLOSE.policy, 'updates too costly to check', 'check-cost')
      return false
    }
    if (!refusal) {
      claimWriters(room, incoming, this, this.self)
      return true
    }
    this.metrics.updatesRefused.inc({ reason: refusal.code })
    if (refusal.code === 'unknown-items') {
      this.send(encodeSyncStep1(room.doc))
      return false
    }
    this.log.info({ room: this.roomName, role: this.role, refusal }, 'update refused')
    this.send(encodePermissionDenied(refusalReason(refusal, incoming.update)))
    return false
  }

  /**
   * Who this connection's presence says it is now. A guest (no token) may take no admitted person's
   * name: neither those admitted when it connected nor anyone with a token present in the room now.
   */
  private presentAs(room: Room): PresenceIdentity {
    if (this.identity.person) return this.identity
    const takenNames = presentNames(room.awareness.values())
    for (const name of this.identity.takenNames) takenNames.add(name)
    return { ...this.identity, takenNames }
  }

  /**
   * Whom this connection may credit new objects to (made once: the check runs for every update).
   * A person: their names. A guest: nobody admitted when it came in or with a token here now,
   * looked up only when a new object names someone (most updates never ask).
   */
  private readonly credit: Credit

  /** Applies awareness entries for this connection's own client id only, and relays them. */
  private awareness(room: Room, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    const accepted: AwarenessEntry[] = []
    for (let entry of entries) {
      const current = room.awareness.get(entry.clientId)
      // a client that moved here from another instance takes its state over with its next change
      const movedHere = current?.owner === REMOTE_OWNER && entry.clock > current.entry.clock
      if (current !== undefined && current.owner !== this && !movedHere) {
        // someone else's id (or our own from a connection not yet timed out): never relayed.
        // The stock client re-sends every state it receives, so this is routine, not an attack.
        this.metrics.messagesDropped.inc({ reason: 'awareness-owned' })
        continue
      }
      if (this.clientIds.size > 0 && !this.clientIds.has(entry.clientId)) {
        // an echoed removal, or an echo of a client that left while it was in flight: nothing to do
        if (entry.json === 'null' || room.departed.has(entry.clientId)) continue
        return this.reject(CLOSE.policy, 'awareness for another client', 'awareness-spoof')
      }
      if (current && entry.clock <= current.entry.clock && entry.json !== 'null') continue // stale
      // what is relayed to every peer counts against the budget; dropped echoes cost nothing here
      if (!this.awarenessBytes.take(entry.json.length)) {
        return this.reject(CLOSE.policy, 'awareness rate limit exceeded', 'awareness-rate')
      }
      this.clientIds.add(entry.clientId)
      room.departed.delete(entry.clientId)
      const json =
        entry.json === 'null' ? 'null' : correctPresence(entry.json, entry.clientId, this.presentAs(room))
      if (json === null) {
        // not a presence (a stock client's first `{}`): the id is still this connection's, so its
        // later echoes of others are told apart from a spoof, but the state goes to no one
        this.metrics.messagesDropped.inc({ reason: 'awareness-shape' })
        continue
      }
      entry = { ...entry, json }
      if (entry.json === 'null') {
        room.awareness.delete(entry.clientId)
        room.depart(entry.clientId)
      } else room.awareness.set(entry.clientId, { entry, owner: this })
      accepted.push(entry)
    }
    if (accepted.length > 0) this.relay.relayAwareness(room, accepted, this)
  }

  private reject(code: number, reason: string, metric: string): void {
    this.metrics.messagesDropped.inc({ reason: metric })
    this.log.warn({ room: this.roomName, role: this.role, reason }, 'closing connection on bad input')
    this.close(code, reason)
  }
}

/**
 * A refusal as the sender is told it: the rule, what it concerned, and the clocks the refused update
 * spans for each client (`from` inclusive, `to` exclusive), so a client knows which of its changes
 * the server does not have.
 */
function refusalReason({ code, object, field }: Refusal, update: Uint8Array): string {
  let spans: Record<string, [number, number]> = {}
  try {
    const { from, to } = Y.parseUpdateMeta(update)
    spans = Object.fromEntries([...from].map(([client, clock]) => [client, [clock, to.get(client) ?? clock]]))
  } catch {
    // a refused update need not decode
  }
  return JSON.stringify({ code, object, field, spans })
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
