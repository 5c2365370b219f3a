import * as Y from 'yjs'
import { controlRoom, type ParsedRoom } from '../../shared/rooms'
import { isBoardLocked, sessionMapOf } from '../../shared/schema/controlDoc'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { DocStorage, StoredUpdate } from '../storage/types'
import { encodeAwarenessUpdate, type AwarenessEntry } from './awareness'
import { acceptRemoteAwareness, AwarenessOut, departures, expireRemoteAwareness } from './awarenessOut'
import { compactionDue, type CompactionOptions } from './compaction'
import type { Fanout, RoomFeed } from './fanout'
import { encodeIntegratedState } from './pending'
import { encodeSyncStep1 } from './protocol'
import { HoldPeer, REMOTE_OWNER, Room, type RoomPeer } from './room'
import { upgradeRoom } from './upgradeRoom'
import { recordedWriters } from '../../shared/schema/writers'

export interface RelayOptions extends CompactionOptions {
  /** Awareness of a room goes out at most once per this many milliseconds (see AwarenessOut). */
  readonly awarenessFrameMs?: number
  /** Stores (each a transaction of whatever updates arrived meanwhile) begin at most this often. */
  readonly storeEveryMs?: number
}

/**
 * Awareness frame: short enough to add little to a cursor's way (a frame at 60 Hz is 16.7 ms), long
 * enough that a busy room's cursors share messages (20 people at 10 Hz: a move every 5 ms, so two
 * moves a message). At 5 ms a message carried about one move, and (b) of issue #17 spent its CPU
 * on one write per move and peer; 10 ms halves those writes (bench:relay (b), A/B on this machine:
 * 16 ms took 15 % off CPU per delivery when the server was not overloaded).
 */
const AWARENESS_FRAME_MS = 10
/**
 * Group commit: stores begin at most this often while a busy room has something to store. What
 * arrives within this window is stored in one transaction and relayed to each peer of a room in one
 * message: in a busy room (200 people, an update every 5 ms) that saves socket writes, one per
 * message and peer, for a little latency (8 ms: 2.4 updates a message in (a) of issue #17 against
 * 1.6 at 4 ms). A quiet room's update (see BUSY_UPDATES_PER_SECOND) does not wait: it is stored
 * and sent from the message that brought it when the storage can store at once (SQLite), else in
 * the next event-loop turn. Waiting would merge nothing there (100 rooms of 5 people: no two updates of a
 * room within a window) and save little else: an SQLite transaction of several rows costs about as
 * much per row as one row alone (WAL pages are written per row, each room's to its own page), so
 * the window only cost those rooms latency. Storing at once instead of a turn later took 10 % off
 * the CPU per delivery of issue #17's (c) and a quarter off its p99 (bench:relay, A/B).
 */
const STORE_EVERY_MS = 8
/**
 * A room is busy (its updates wait for their group) while it has more than this many updates a
 * second: from there on a group window holds about one more update on average (200 people at 1 a
 * second in (a) of issue #17: busy). Below it, two updates close together are a coincidence, not a
 * burst (100 rooms of 5 people in (c): 5 a second each), and waiting for a group would cost those
 * rooms latency for nothing: the p99 of (c) was 9 ms with a room's gap to its last update as the
 * test, 3.0 ms with this rate (bench:relay, 2026-12-07).
 */
const BUSY_UPDATES_PER_SECOND = 50
/** The time over which a room's update rate is averaged (an exponentially weighted moving average). */
const RATE_WINDOW_MS = 250

/** Marks updates the relay applies itself (loading from storage), which are not stored again. */
const FROM_STORAGE = Symbol('storage')
/** Marks updates other instances stored (see Fanout): relayed here, not stored again. */
const FROM_REMOTE = Symbol('remote')
/** An awareness state from another instance not renewed for this long is removed (clients renew every 15 s). */
const REMOTE_AWARENESS_TIMEOUT_MS = 30_000
/** Close code of a connection whose person a facilitator removed from the session. */
export const CLOSE_REMOVED = 4003
/** Removed people the relay remembers (to close a connection of theirs that was still joining). */
const MAX_REMOVED_REMEMBERED = 10_000
/** Peers of one room sent to per event-loop turn (see Outbox). */
const SLICE = 64

/**
 * A session setting (a key of the control room's `session` map) changed by a write made on this
 * instance: `by` is the connection that wrote it, null for the server's own writes. Writes stored
 * by other instances are theirs to act on, so each change is acted on once.
 */
export type SettingChanged = (sessionId: string, key: string, was: unknown, by: RoomPeer | null) => void

/**
 * Rooms in memory and the path every update takes: validate (by the caller) → apply → append to
 * storage → relay. A quiet room's update is stored and sent at once where the storage allows it
 * (storeAtOnce). Otherwise a turn stores what was applied since the last one as one batch (group
 * commit: a busy room's updates wait up to storeEveryMs for others to share it), then sends: one
 * merged message per room and peer, to up to SLICE peers of a room per turn.
 *
 * With a Fanout (several instances), a room is loaded and followed through it: updates other
 * instances stored are applied and relayed here without being stored again, and awareness goes both
 * ways.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly dirty = new Set<Room>()
  /** Rooms whose outbox still holds something for some peer. */
  private readonly sending = new Set<Room>()
  /** Rooms whose log grew since the last turn (stored here or by another instance). */
  private readonly grown = new Set<Room>()
  private readonly sweep: NodeJS.Timeout | undefined
  /** `<session>/<person>` of people removed lately: a connection of theirs still joining is closed too. */
  private readonly removedPeople = new Set<string>()
  private readonly awarenessOut: AwarenessOut
  private readonly settingHandlers: SettingChanged[] = []
  /** When the last store began (performance.now()). */
  private lastStoreAt = -Infinity
  private turnScheduled = false
  /** The timer of a turn waiting for the group window (null: none, or the turn runs in the next turn). */
  private turnTimer: NodeJS.Timeout | null = null
  /** A quiet room has an update to store: the next store need not wait for the window. */
  private storeSoon = false
  private flushing: Promise<void> = Promise.resolve()
  /** A batch is being stored: an update stored at once meanwhile could overtake one of it. */
  private storing = false

  constructor(
    private readonly storage: DocStorage,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RelayOptions,
    private readonly fanout?: Fanout,
  ) {
    this.awarenessOut = new AwarenessOut(options.awarenessFrameMs ?? AWARENESS_FRAME_MS)
    if (fanout) {
      fanout.onSessionDeleted((id) => this.closeLocalSession(id))
      fanout.onPersonRemoved((id, person) => this.closeLocalPerson(id, person))
      fanout.onPersonRenamed((id, person, name) => this.renameLocalPerson(id, person, name))
      this.sweep = setInterval(() => this.expireRemoteAwareness(), 5000)
      this.sweep.unref()
    }
  }

  get openRooms(): number {
    return this.rooms.size
  }

  /** Joins a peer to a room, loading the room from storage first if it is not open. */
  async join(name: string, info: ParsedRoom, peer: RoomPeer): Promise<Room> {
    let room = this.rooms.get(name)
    if (!room) {
      let load = this.loading.get(name)
      if (!load) {
        load = this.load(name, info).finally(() => this.loading.delete(name))
        this.loading.set(name, load)
      }
      room = await load
    }
    room.join(peer)
    // a connection let in just before its person was removed (authorized, then removed while it loaded)
    if (peer.person && this.removedPeople.has(`${info.sessionId}/${peer.person}`))
      peer.close(CLOSE_REMOVED, 'removed from session')
    return room
  }

  private async load(name: string, info: ParsedRoom): Promise<Room> {
    const room = new Room(name, info)
    if (info.kind === 'board' || info.kind === 'private') {
      // the rules of a board (lock, protect, groups) and of a private room (voting open) live in the
      // control room: keep it loaded while the room is
      const hold = new HoldPeer()
      const control = await this.join(
        controlRoom(info.sessionId),
        { sessionId: info.sessionId, kind: 'control' },
        hold,
      )
      room.control = { room: control, hold }
      if (info.kind === 'board') this.resyncOnUnlock(room, control)
    }
    const feed: RoomFeed = {
      updates: (updates) => this.applyRemote(room, updates),
      awareness: (update) => this.remoteAwareness(room, update),
    }
    const updates = this.fanout ? await this.fanout.open(name, feed) : await this.storage.load(name)
    room.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(room.doc, u)
    }, FROM_STORAGE)
    room.storedRows = updates.length
    room.bytes = updates.reduce((sum, u) => sum + u.byteLength, 0)
    room.restoreWriters(recordedWriters(room.doc))
    // before anyone sees it: the room's document in this build's schema, stored
    await upgradeRoom(room, this.storage, this.log)
    if (info.kind === 'control') this.watchSettings(room)
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_REMOTE) this.relayRemote(room, update)
      else if (origin !== FROM_STORAGE) this.enqueue(room, update)
    })
    this.rooms.set(name, room)
    this.metrics.roomsOpen.set(this.rooms.size)
    return room
  }

  /**
   * Writes dropped while the board was locked are still in their authors' documents, and their later
   * writes depend on them. When the lock lifts, ask every board peer for what the server lacks (sync
   * step 1), so those writes arrive now and nothing stays stuck waiting for them.
   */
  private resyncOnUnlock(board: Room, control: Room): void {
    let locked = isBoardLocked(control.doc)
    const onUpdate = (): void => {
      const now = isBoardLocked(control.doc)
      if (locked && !now && this.rooms.get(board.name) === board) board.broadcast(encodeSyncStep1(board.doc))
      locked = now
    }
    control.doc.on('update', onUpdate)
    board.doc.once('destroy', () => control.doc.off('update', onUpdate))
  }

  /** Calls `handler` for every session setting changed by a write made on this instance (see SettingChanged). */
  onSettingChanged(handler: SettingChanged): void {
    this.settingHandlers.push(handler)
  }

  private watchSettings(control: Room): void {
    sessionMapOf(control.doc).observe((event, tr) => {
      if (tr.origin === FROM_REMOTE || tr.origin === FROM_STORAGE) return
      const by = control.peers.has(tr.origin as RoomPeer) ? (tr.origin as RoomPeer) : null
      for (const [key, change] of event.changes.keys) {
        for (const handler of this.settingHandlers) {
          try {
            handler(control.info.sessionId, key, change.oldValue, by)
          } catch (err) {
            // the write stands whatever a handler does with it
            this.log.error({ err, room: control.name, key }, 'a setting handler failed')
          }
        }
      }
    })
  }

  /** Applies a validated update from a peer; it is stored and relayed on the next flush. */
  applyUpdate(room: Room, update: Uint8Array, origin: RoomPeer): void {
    Y.applyUpdate(room.doc, update, origin)
  }

  /** Applies what other instances stored, in one transaction; the change is relayed, not stored again. */
  private applyRemote(room: Room, updates: readonly Uint8Array[]): void {
    if (this.rooms.get(room.name) !== room) return
    try {
      room.doc.transact(() => {
        for (const u of updates) Y.applyUpdate(room.doc, u)
      }, FROM_REMOTE)
    } catch (err) {
      // validated by the instance that stored it; a failure here is a bug, not bad input
      this.log.error({ err, room: room.name }, 'could not apply an update from another instance')
    }
  }

  private relayRemote(room: Room, update: Uint8Array): void {
    room.outbox.push(update)
    room.storedRows++
    room.bytes += update.byteLength
    this.sending.add(room)
    this.grown.add(room)
    this.metrics.updatesRelayed.inc()
    this.scheduleTurn()
  }

  /** Sends accepted awareness entries to this room's other peers (see AwarenessOut), here and on other instances. */
  relayAwareness(room: Room, entries: readonly AwarenessEntry[], from?: RoomPeer): void {
    this.awarenessOut.queue(room, entries, from ?? null)
    this.fanout?.publishAwareness(room.name, encodeAwarenessUpdate(entries))
  }

  /** Awareness from another instance: kept (owned by no connection here) and relayed to the peers here. */
  private remoteAwareness(room: Room, update: Uint8Array): void {
    if (this.rooms.get(room.name) !== room) return
    this.awarenessOut.queue(room, acceptRemoteAwareness(room, update), REMOTE_OWNER)
  }

  /** Removes awareness states of clients on other instances that stopped renewing them (their instance died). */
  private expireRemoteAwareness(): void {
    const before = Date.now() - REMOTE_AWARENESS_TIMEOUT_MS
    for (const room of this.rooms.values())
      this.awarenessOut.queue(room, expireRemoteAwareness(room, before), null)
  }

  private enqueue(room: Room, update: Uint8Array): void {
    // counted when applied, not when stored, so updates arriving together cannot pass the cap together
    room.bytes += update.byteLength
    // an update without new structs only removes: what it frees counts once the room is compacted
    if (update[0] === 0) room.removedSinceCompaction = true
    const now = performance.now()
    room.updateRate =
      room.updateRate * Math.exp((room.lastUpdateAt - now) / RATE_WINDOW_MS) + 1000 / RATE_WINDOW_MS
    room.lastUpdateAt = now
    const quiet = room.updateRate < BUSY_UPDATES_PER_SECOND
    if (quiet && this.storeAtOnce(room, update)) return
    if (quiet) this.storeSoon = true
    room.pending.push(update)
    this.dirty.add(room)
    this.scheduleTurn()
  }

  /**
   * Stores a quiet room's update and sends it to the room's peers in the turn that brought it, when
   * the storage can store at once (appendNow) and nothing of the room's is still on its way (which
   * this update must not overtake): nothing to gather there, so no reason to wait a turn. False if it
   * must go the usual way; so does an update whose store failed (the usual way tries once more, and
   * closes the room's connections if that fails too).
   */
  private storeAtOnce(room: Room, update: Uint8Array): boolean {
    const { storage } = this
    if (!storage.appendNow || this.fanout || this.storing) return false
    if (this.dirty.has(room) || this.sending.has(room)) return false
    const started = performance.now()
    try {
      storage.appendNow([{ room: room.name, update }])
    } catch (err) {
      this.log.warn({ err, room: room.name }, 'storing an update at once failed; trying again')
      return false
    }
    this.metrics.storageLatency.observe((performance.now() - started) / 1000)
    this.metrics.updatesRelayed.inc()
    room.storedRows++
    room.outbox.push(update)
    if (room.outbox.sendSlice(SLICE)) this.sending.add(room)
    const { due, recheckIn } = compactionDue(room, this.options)
    if (due || recheckIn !== null) this.grown.add(room)
    if (this.sending.size > 0 || this.grown.size > 0) this.scheduleTurn()
    return true
  }

  private scheduleTurn(): void {
    // what is left to send goes on at once, and so does a quiet room's update; a busy room's store
    // waits for its group (see storeEveryMs)
    const wait = this.sending.size > 0 || this.storeSoon ? 0 : this.storeDueIn()
    if (this.turnScheduled) {
      if (wait > 0 || this.turnTimer === null) return
      clearTimeout(this.turnTimer) // waiting for the window: run it in the next turn instead
    }
    this.turnScheduled = true
    const run = (): void => {
      this.turnScheduled = false
      this.turnTimer = null
      // a failed turn is logged, never left to reject the chain and stall every later turn
      this.flushing = this.flushing
        .then(() => this.turn())
        .catch((err: unknown) => this.log.error({ err }, 'relay turn failed'))
    }
    if (wait <= 0) {
      this.turnTimer = null
      setImmediate(run)
    } else this.turnTimer = setTimeout(run, wait)
  }

  private get storeEveryMs(): number {
    return this.options.storeEveryMs ?? STORE_EVERY_MS
  }

  /** Milliseconds until the next store may begin (0 or less: now). */
  private storeDueIn(): number {
    return this.lastStoreAt + this.storeEveryMs - performance.now()
  }

  /** Stores what was applied (if its group is due), sends each room's next slice, compacts rooms past the threshold. */
  private async turn(): Promise<void> {
    if (this.storeSoon || this.storeDueIn() <= 0) await this.flush()
    for (const room of this.sending) if (!room.outbox.sendSlice(SLICE)) this.sending.delete(room)
    if (this.sending.size > 0 || this.dirty.size > 0) this.scheduleTurn()
    const grown = [...this.grown]
    this.grown.clear()
    for (const room of grown) {
      const { due, recheckIn } = compactionDue(room, this.options)
      if (recheckIn !== null) this.recheckLater(room, recheckIn)
      if (due && this.rooms.get(room.name) === room) await this.compact(room)
    }
  }

  /** Looks at a room again after `ms` (removals waiting for the next compaction), once. */
  private recheckLater(room: Room, ms: number): void {
    if (room.recheck) return
    room.recheck = setTimeout(() => {
      room.recheck = null
      if (this.rooms.get(room.name) !== room) return
      this.grown.add(room)
      this.scheduleTurn()
    }, ms + 10)
    room.recheck.unref()
  }

  /** Stores every pending update in one batch and queues it for the peers. */
  private async flush(): Promise<void> {
    const rooms = [...this.dirty]
    this.dirty.clear()
    this.storeSoon = false
    const batch: StoredUpdate[] = []
    const perRoom = rooms.map((room) => {
      const updates = room.pending
      room.pending = []
      for (const update of updates) batch.push({ room: room.name, update })
      return { room, updates }
    })
    if (batch.length === 0) return
    const started = performance.now()
    this.lastStoreAt = started
    this.storing = true
    try {
      await this.storage.append(batch)
    } catch (err) {
      this.log.error(
        { err, rooms: rooms.map((r) => r.name) },
        'storage append failed; closing affected rooms',
      )
      for (const room of rooms) this.evict(room)
      return
    } finally {
      this.storing = false
      this.metrics.storageLatency.observe((performance.now() - started) / 1000)
    }
    for (const { room, updates } of perRoom) {
      room.outbox.push(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
      this.sending.add(room)
      this.metrics.updatesRelayed.inc(updates.length)
      room.storedRows += updates.length
      this.grown.add(room)
    }
  }

  private async compact(room: Room): Promise<void> {
    try {
      const snapshot = encodeIntegratedState(room.doc) // never pending data
      await this.storage.compact(room.name, snapshot)
      room.storedRows = 1
      room.bytes = snapshot.byteLength
      room.snapshotBytes = snapshot.byteLength
      room.removedSinceCompaction = false
      room.compactedAt = performance.now()
    } catch (err) {
      this.log.error({ err, room: room.name }, 'compaction failed; rows kept')
    }
  }

  /** Resolves once every update applied so far is stored and relayed. */
  async flushed(): Promise<void> {
    do {
      await new Promise<void>((resolve) => setImmediate(resolve))
      await this.flushing
    } while (this.dirty.size > 0 || this.turnScheduled || this.sending.size > 0)
  }

  /** Removes a peer; the room is unloaded once its last peer has left and its writes are stored. */
  leave(room: Room, peer: RoomPeer): void {
    room.leave(peer)
    const removals = departures(room, peer)
    if (removals.length > 0) this.relayAwareness(room, removals)
    if (room.peers.size === 0) {
      void this.flushed().then(() => {
        if (room.peers.size === 0 && this.rooms.get(room.name) === room) this.unload(room)
      })
    }
  }

  private unload(room: Room): void {
    this.rooms.delete(room.name)
    this.dirty.delete(room)
    this.sending.delete(room)
    this.grown.delete(room)
    this.fanout?.close(room.name)
    room.outbox.clear()
    this.awarenessOut.drop(room)
    if (room.recheck) clearTimeout(room.recheck)
    if (room.control) this.leave(room.control.room, room.control.hold)
    room.control = null
    room.doc.destroy()
    this.metrics.roomsOpen.set(this.rooms.size)
  }

  /** Drops a room from memory without storing (storage failed); its peers reconnect and resync. */
  private evict(room: Room): void {
    room.pending = []
    for (const peer of [...room.peers]) peer.close(1011, 'storage unavailable')
    for (const peer of [...room.peers]) room.leave(peer)
    if (this.rooms.get(room.name) === room) this.unload(room)
  }

  /** Drops a deleted session's rooms from memory, closing their peers, here and on other instances. */
  closeSession(sessionId: string): void {
    this.closeLocalSession(sessionId)
    this.fanout?.publishSessionDeleted(sessionId)
  }

  private closeLocalSession(sessionId: string): void {
    for (const room of [...this.rooms.values()]) {
      if (room.info.sessionId !== sessionId) continue
      room.pending = []
      this.dirty.delete(room)
      for (const peer of [...room.peers]) peer.close(4404, 'session deleted')
      for (const peer of [...room.peers]) room.leave(peer)
      this.unload(room)
    }
  }

  /**
   * A person's new name reaches their open connections, here and on other instances (resolved once
   * those can have it); the client publishes its presence again once the rename is answered, and
   * the relay its connection is on then gives it the new name.
   */
  async renamePerson(sessionId: string, personId: string, name: string): Promise<void> {
    this.renameLocalPerson(sessionId, personId, name)
    await this.fanout?.publishPersonRenamed(sessionId, personId, name)
  }

  private renameLocalPerson(sessionId: string, personId: string, name: string): void {
    for (const room of this.rooms.values()) {
      if (room.info.sessionId !== sessionId) continue
      for (const peer of room.peers) if (peer.person === personId) peer.renamed?.(name)
    }
  }

  /**
   * Closes every connection of a person removed from a session, in every room of it, here and on
   * other instances (4003: the client shows that they were removed and forgets its token).
   */
  closePerson(sessionId: string, personId: string): void {
    this.closeLocalPerson(sessionId, personId)
    this.fanout?.publishPersonRemoved(sessionId, personId)
  }

  private closeLocalPerson(sessionId: string, personId: string): void {
    this.removedPeople.add(`${sessionId}/${personId}`)
    for (const oldest of this.removedPeople) {
      if (this.removedPeople.size <= MAX_REMOVED_REMEMBERED) break
      this.removedPeople.delete(oldest)
    }
    for (const room of this.rooms.values()) {
      if (room.info.sessionId !== sessionId) continue
      for (const peer of [...room.peers])
        if (peer.person === personId) peer.close(CLOSE_REMOVED, 'removed from session')
    }
  }

  /** Stores everything pending and unloads every room (shutdown). */
  async close(): Promise<void> {
    await this.flushed()
    clearInterval(this.sweep)
    for (const room of [...this.rooms.values()]) this.unload(room)
  }
}
