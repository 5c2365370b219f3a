import * as Y from 'yjs'
import { controlRoom, type ParsedRoom } from '../../shared/rooms'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { DocStorage, StoredUpdate } from '../storage/types'
import { encodeAwarenessUpdate } from './awareness'
import { encodeIntegratedState } from './pending'
import { encodeAwarenessMessage, encodeSyncStep1 } from './protocol'
import { HoldPeer, Room, type RoomPeer } from './room'

export interface RelayOptions {
  /** Compact a room's stored rows into one snapshot past this many. */
  readonly compactAfterRows: number
}

/** Marks updates the relay applies itself (loading from storage), which are not stored again. */
const FROM_STORAGE = Symbol('storage')
/** Peers of one room sent to per event-loop turn (see Outbox). */
const SLICE = 64

/**
 * Rooms in memory and the path every update takes: validate (by the caller) → apply → append to
 * storage → relay. Each event-loop turn stores what was applied in it as one batch, then sends:
 * one merged message per room and peer, to up to SLICE peers of a room per turn.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly dirty = new Set<Room>()
  /** Rooms whose outbox still holds something for some peer. */
  private readonly sending = new Set<Room>()
  private turnScheduled = false
  private flushing: Promise<void> = Promise.resolve()

  constructor(
    private readonly storage: DocStorage,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {}

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
    return room
  }

  private async load(name: string, info: ParsedRoom): Promise<Room> {
    const room = new Room(name, info)
    if (info.kind === 'board') {
      // the board's rules (lock) live in the control room: keep it loaded while the board is
      const hold = new HoldPeer()
      const control = await this.join(
        controlRoom(info.sessionId),
        { sessionId: info.sessionId, kind: 'control' },
        hold,
      )
      room.control = { room: control, hold }
      this.resyncOnUnlock(room, control)
    }
    const updates = await this.storage.load(name)
    room.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(room.doc, u)
    }, FROM_STORAGE)
    room.storedRows = updates.length
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_STORAGE) this.enqueue(room, update)
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

  /** Applies a validated update from a peer; it is stored and relayed on the next flush. */
  applyUpdate(room: Room, update: Uint8Array, origin: RoomPeer): void {
    Y.applyUpdate(room.doc, update, origin)
  }

  private enqueue(room: Room, update: Uint8Array): void {
    room.pending.push(update)
    this.dirty.add(room)
    this.scheduleTurn()
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return
    this.turnScheduled = true
    setImmediate(() => {
      this.turnScheduled = false
      // a failed turn is logged, never left to reject the chain and stall every later turn
      this.flushing = this.flushing
        .then(() => this.turn())
        .catch((err: unknown) => this.log.error({ err }, 'relay turn failed'))
    })
  }

  /** Stores what this turn applied, sends each room's next slice, compacts rooms past the threshold. */
  private async turn(): Promise<void> {
    const stored = await this.flush()
    for (const room of this.sending) if (!room.outbox.sendSlice(SLICE)) this.sending.delete(room)
    if (this.sending.size > 0) this.scheduleTurn()
    for (const room of stored) {
      if (room.storedRows > this.options.compactAfterRows && this.rooms.get(room.name) === room)
        await this.compact(room)
    }
  }

  /** Stores every pending update in one batch and queues it for the peers; returns the rooms stored. */
  private async flush(): Promise<Room[]> {
    const rooms = [...this.dirty]
    this.dirty.clear()
    const batch: StoredUpdate[] = []
    const perRoom = rooms.map((room) => {
      const updates = room.pending
      room.pending = []
      for (const update of updates) batch.push({ room: room.name, update })
      return { room, updates }
    })
    if (batch.length === 0) return []
    const started = performance.now()
    try {
      await this.storage.append(batch)
    } catch (err) {
      this.log.error(
        { err, rooms: rooms.map((r) => r.name) },
        'storage append failed; closing affected rooms',
      )
      for (const room of rooms) this.evict(room)
      return []
    } finally {
      this.metrics.storageLatency.observe((performance.now() - started) / 1000)
    }
    for (const { room, updates } of perRoom) {
      room.outbox.push(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
      this.sending.add(room)
      this.metrics.updatesRelayed.inc(updates.length)
      room.storedRows += updates.length
    }
    return rooms
  }

  private async compact(room: Room): Promise<void> {
    try {
      await this.storage.compact(room.name, encodeIntegratedState(room.doc)) // never pending data
      room.storedRows = 1
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
    const gone = [...peer.clientIds]
      .map((id) => room.awareness.get(id))
      .filter((a): a is NonNullable<typeof a> => a !== undefined && a.owner === peer)
    if (gone.length > 0) {
      const removals = gone.map(({ entry }) => ({
        clientId: entry.clientId,
        clock: entry.clock + 1,
        json: 'null',
      }))
      for (const r of removals) room.awareness.delete(r.clientId)
      room.broadcast(encodeAwarenessMessage(encodeAwarenessUpdate(removals)))
    }
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
    room.outbox.clear()
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

  /** Drops a deleted session's rooms from memory, closing their peers. */
  closeSession(sessionId: string): void {
    for (const room of [...this.rooms.values()]) {
      if (room.info.sessionId !== sessionId) continue
      room.pending = []
      this.dirty.delete(room)
      for (const peer of [...room.peers]) peer.close(4404, 'session deleted')
      for (const peer of [...room.peers]) room.leave(peer)
      this.unload(room)
    }
  }

  /** Stores everything pending and unloads every room (shutdown). */
  async close(): Promise<void> {
    await this.flushed()
    for (const room of [...this.rooms.values()]) this.unload(room)
  }
}
