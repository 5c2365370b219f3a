import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../server/logger'
import { createMetrics } from '../../server/metrics'
import { Relay } from '../../server/relay/relay'
import type { RoomPeer } from '../../server/relay/room'
import { createMemoryStorage } from '../../server/storage/memory'
import type { Storage, StoredUpdate } from '../../server/storage/types'
import { parseRoom } from '../../shared/rooms'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const info = parseRoom(ROOM)!

class Peer implements RoomPeer {
  readonly clientIds = new Set<number>()
  readonly got: Uint8Array[] = []
  closed: number | null = null
  send(m: Uint8Array): void {
    this.got.push(m)
  }
  close(code: number): void {
    this.closed = code
  }
}

/** The Yjs update inside a relayed sync-update message. */
const payload = (m: Uint8Array): Uint8Array => {
  const d = decoding.createDecoder(m)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  return decoding.readVarUint8Array(d)
}

const edit = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getArray<string>('a').push([text])
  return Y.encodeStateAsUpdate(doc)
}

function setup(storage: Storage = createMemoryStorage(), compactAfterRows = 1000) {
  const relay = new Relay(storage, createMetrics(false), createLogger('silent'), { compactAfterRows })
  return { relay, storage }
}

describe('relay', () => {
  it('stores an update before relaying it, and echoes it to the sender', async () => {
    const appended: string[] = []
    const storage = createMemoryStorage()
    const store = (batch: readonly StoredUpdate[]): void => {
      appended.push(...batch.map((b) => b.room))
      expect(sender.got).toHaveLength(0) // nothing relayed before it is stored
      void storage.append(batch) // the memory storage's is done before it returns
    }
    const { relay } = setup({ ...storage, append: async (batch) => store(batch), appendNow: store })
    const sender = new Peer()
    const other = new Peer()
    const room = await relay.join(ROOM, info, sender)
    await relay.join(ROOM, info, other)
    relay.applyUpdate(room, edit('x'), sender)
    await relay.flushed()
    expect(appended).toEqual([ROOM])
    expect(sender.got).toHaveLength(1)
    expect(other.got).toHaveLength(1)
    const check = new Y.Doc()
    Y.applyUpdate(check, payload(other.got[0]!))
    expect(check.getArray('a').toArray()).toEqual(['x'])
  })

  it('stores a quiet room’s updates at once, and the rest of a burst that made it busy in one batch, relayed as one message', async () => {
    const batches: number[] = []
    const storage = createMemoryStorage()
    const store = (b: readonly StoredUpdate[]): void => {
      batches.push(b.length)
      void storage.append(b)
    }
    const { relay } = setup({ ...storage, append: async (b) => store(b), appendNow: store })
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    // a burst: while the room is still quiet, each is stored before applyUpdate returns; once the
    // burst has made it busy, the rest wait for the next turn
    for (let i = 0; i < 30; i++) relay.applyUpdate(room, edit(`u${i}`), peer)
    const atOnce = batches.length
    expect(atOnce).toBeGreaterThan(0)
    expect(atOnce).toBeLessThan(30)
    expect(peer.got).toHaveLength(atOnce)
    await relay.flushed()
    expect(batches).toEqual([...batches.slice(0, atOnce).map(() => 1), 30 - atOnce])
    expect(peer.got).toHaveLength(atOnce + 1)
    const check = new Y.Doc()
    for (const m of peer.got) Y.applyUpdate(check, payload(m))
    expect(check.getArray('a').length).toBe(30)
  })

  it('compacts past the threshold into one row that holds everything', async () => {
    const { relay, storage } = setup(createMemoryStorage(), 5)
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    for (let i = 0; i < 8; i++) {
      relay.applyUpdate(room, edit(`u${i}`), peer)
      await relay.flushed()
    }
    const rows = await storage.load(ROOM)
    expect(rows.length).toBeLessThanOrEqual(5)
    const doc = new Y.Doc()
    for (const r of rows) Y.applyUpdate(doc, r)
    expect(doc.getArray('a').length).toBe(8)
  })

  it('loads a room once for concurrent joins, and unloads it after the last peer leaves', async () => {
    let loads = 0
    const storage = createMemoryStorage()
    const { relay } = setup({
      ...storage,
      load: async (r) => {
        loads++
        return storage.load(r)
      },
    })
    const [a, b] = [new Peer(), new Peer()]
    const [ra, rb] = await Promise.all([relay.join(ROOM, info, a), relay.join(ROOM, info, b)])
    expect(ra).toBe(rb)
    expect(loads).toBe(2) // the board once, and its control room held open beside it
    relay.applyUpdate(ra, edit('kept'), a)
    relay.leave(ra, a)
    relay.leave(ra, b)
    await relay.flushed()
    await expect.poll(() => relay.openRooms).toBe(0)
    const rows = await storage.load(ROOM)
    expect(rows).toHaveLength(1)
  })

  it('closes a room’s peers when storage fails, relaying nothing', async () => {
    const storage = createMemoryStorage()
    const { relay } = setup({
      ...storage,
      append: async () => {
        throw new Error('disk full')
      },
      appendNow: () => {
        throw new Error('disk full')
      },
    })
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    relay.applyUpdate(room, edit('lost'), peer)
    await relay.flushed()
    expect(peer.got).toHaveLength(0)
    expect(peer.closed).toBe(1011)
    await expect.poll(() => relay.openRooms).toBe(0)
  })
})
