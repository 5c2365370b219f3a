import * as Y from 'yjs'
import { controlRoom, type ParsedRoom } from '../../shared/rooms'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { DocStorage, StoredUpdate } from '../storage/types'
import { encodeAwarenessUpdate } from './awareness'
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdate } from './protocol'
import { HoldPeer, Room, type RoomPeer } from './room'

export interface RelayOptions {
  /** Compact a room's stored rows into one snapshot past this many. */
  readonly compactAfterRows: number
}

/** Marks updates the relay applies itself (loading from storage), which are not stored again. */
const FROM_STORAGE = Symbol('storage')

/**
 * Rooms in memory and the path every update takes: validate (by the caller) → apply → append to
 * storage → relay. Updates of one event-loop turn are stored in one batch before any is relayed.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly dirty = new Set<Room>()
  private flushScheduled = false
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
    room.peers.add(peer)
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
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(() => {
        this.flushScheduled = false
        this.flushing = this.flushing.then(() => this.flush())
      })
    }
  }

  /** Stores every pending update in one batch, then relays them; compacts rooms past the threshold. */
  private async flush(): Promise<void> {
    const rooms = [...this.dirty]
    this.dirty.clear()
    const batch: StoredUpdate[] = []
    const perRoom = rooms.map((room) => {
      const updates = room.pending
      room.pending = []
      for (const update of updates) batch.push({ room: room.name, update })
      return { room, updates }
    })
    if (batch.length === 0) return
    const stop = this.metrics.storageLatency.startTimer()
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
      stop()
    }
    for (const { room, updates } of perRoom) {
      // one merged message per room and turn, encoded once for every peer
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
      room.broadcast(encodeUpdate(merged))
      this.metrics.updatesRelayed.inc(updates.length)
      room.storedRows += updates.length
      if (room.storedRows > this.options.compactAfterRows) await this.compact(room)
    }
  }

  private async compact(room: Room): Promise<void> {
    try {
      await this.storage.compact(room.name, Y.encodeStateAsUpdate(room.doc))
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
    } while (this.dirty.size > 0 || this.flushScheduled)
  }

  /** Removes a peer; the room is unloaded once its last peer has left and its writes are stored. */
  leave(room: Room, peer: RoomPeer): void {
    room.peers.delete(peer)
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
    if (room.control) this.leave(room.control.room, room.control.hold)
    room.control = null
    room.doc.destroy()
    this.metrics.roomsOpen.set(this.rooms.size)
  }

  /** Drops a room from memory without storing (storage failed); its peers reconnect and resync. */
  private evict(room: Room): void {
    room.pending = []
    for (const peer of room.peers) peer.close(1011, 'storage unavailable')
    room.peers.clear()
    if (this.rooms.get(room.name) === room) this.unload(room)
  }

  /** Drops a deleted session's rooms from memory, closing their peers. */
  closeSession(sessionId: string): void {
    for (const room of [...this.rooms.values()]) {
      if (room.info.sessionId !== sessionId) continue
      room.pending = []
      this.dirty.delete(room)
      for (const peer of room.peers) peer.close(4404, 'session deleted')
      room.peers.clear()
      this.unload(room)
    }
  }

  /** Stores everything pending and unloads every room (shutdown). */
  async close(): Promise<void> {
    await this.flushed()
    for (const room of [...this.rooms.values()]) this.unload(room)
  }
}
