import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../server/logger'
import { createMetrics } from '../../server/metrics'
import { decodeAwarenessUpdate } from '../../server/relay/awareness'
import { Relay } from '../../server/relay/relay'
import type { Room, RoomPeer } from '../../server/relay/room'
import { createMemoryStorage } from '../../server/storage/memory'
import { parseRoom } from '../../shared/rooms'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const info = parseRoom(ROOM)!
const MESSAGE_AWARENESS = 1

class Peer implements RoomPeer {
  readonly clientIds = new Set<number>()
  readonly got: Uint8Array[] = []
  send(m: Uint8Array): void {
    this.got.push(m)
  }
  close(): void {}
  /** The client ids of the awareness messages received, one list per message. */
  awareness(): number[][] {
    return this.got.flatMap((m) => {
      const d = decoding.createDecoder(m)
      if (decoding.readVarUint(d) !== MESSAGE_AWARENESS) return []
      return [decodeAwarenessUpdate(decoding.readVarUint8Array(d)).map((e) => e.clientId)]
    })
  }
}

const cursor = (clientId: number, clock: number) => ({
  clientId,
  clock,
  json: JSON.stringify({ user: { name: `P${clientId}` }, cursor: { x: clock, y: 0 } }),
})
const edit = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getArray<string>('a').push([text])
  return Y.encodeStateAsUpdate(doc)
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function setup(options: { awarenessFrameMs?: number; storeEveryMs?: number } = {}) {
  const batches: number[] = []
  const storage = createMemoryStorage()
  const relay = new Relay(
    {
      ...storage,
      append: async (b) => void batches.push(b.length),
      appendNow: (b) => void batches.push(b.length),
    },
    createMetrics(false),
    createLogger('silent'),
    { compactAfterRows: 1000, ...options },
  )
  return { relay, batches }
}

/** Updates in one burst: enough for a room to count as busy (over 50 a second). */
const BURST = 30
const ones = (n: number): number[] => Array.from({ length: n }, () => 1)

/**
 * Sends a burst of updates to a room, which makes it busy: the first are stored at once (the room
 * was quiet), the rest wait for the next turn's batch. Returns how many were stored at once.
 */
function makeBusy(relay: Relay, room: Room, peer: Peer): number {
  const before = peer.got.length
  for (let i = 0; i < BURST; i++) relay.applyUpdate(room, edit(`burst${i}`), peer)
  const atOnce = peer.got.length - before
  expect(atOnce).toBeGreaterThan(0)
  expect(atOnce).toBeLessThan(BURST)
  return atOnce
}

describe('relay frames (issue #17)', () => {
  it('sends a busy room’s cursors together, once per frame, never back to their owner', async () => {
    const { relay } = setup({ awarenessFrameMs: 400 })
    const [a, b, c] = [new Peer(), new Peer(), new Peer()]
    const room = await relay.join(ROOM, info, a)
    await relay.join(ROOM, info, b)
    await relay.join(ROOM, info, c)
    relay.relayAwareness(room, [cursor(1, 1)], a) // after a quiet spell: out in the next turn
    await sleep(5)
    expect(c.awareness()).toEqual([[1]])
    relay.relayAwareness(room, [cursor(1, 2)], a) // within the frame: held
    relay.relayAwareness(room, [cursor(2, 1)], b)
    relay.relayAwareness(room, [cursor(1, 3)], a) // only the latest of a client goes out
    await sleep(5)
    expect(c.awareness()).toEqual([[1]])
    await expect.poll(() => c.awareness(), { timeout: 3000 }).toEqual([[1], [2, 1]]) // in the order they last changed
    expect(a.awareness()).toEqual([[2]]) // its own states are not sent back
    expect(b.awareness()).toEqual([[1], [1]])
  })

  it('stores a busy room’s updates arriving within the group window in one transaction, each stored before relayed', async () => {
    const { relay, batches } = setup({ storeEveryMs: 400 })
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    relay.applyUpdate(room, edit('first'), peer) // after a quiet spell: stored and relayed at once
    expect(batches).toEqual([1])
    expect(peer.got).toHaveLength(1)
    const atOnce = makeBusy(relay, room, peer)
    await sleep(5)
    expect(batches).toEqual([...ones(atOnce + 1), BURST - atOnce]) // the rest of the burst: one batch
    relay.applyUpdate(room, edit('second'), peer)
    await sleep(5)
    relay.applyUpdate(room, edit('third'), peer)
    expect(batches).toHaveLength(atOnce + 2) // held for the group
    expect(peer.got).toHaveLength(atOnce + 2) // and nothing relayed before it is stored
    await relay.flushed()
    expect(batches.at(-1)).toBe(2)
    expect(peer.got).toHaveLength(atOnce + 3) // one message with both
  })

  it('stores and relays a quiet room’s update at once, while a busy room’s wait for their group', async () => {
    const { relay, batches } = setup({ storeEveryMs: 400 })
    const [a, b] = [new Peer(), new Peer()]
    const busy = await relay.join(ROOM, info, a)
    const QUIET = 'BBBBBBBBBBBBBBBBBBBBBB'
    const quiet = await relay.join(QUIET, parseRoom(QUIET)!, b)
    const atOnce = makeBusy(relay, busy, a)
    await sleep(5)
    relay.applyUpdate(busy, edit('second'), a) // busy: held for the group
    await sleep(5)
    expect(batches).toHaveLength(atOnce + 1)
    expect(a.got).toHaveLength(atOnce + 1)
    relay.applyUpdate(quiet, edit('elsewhere'), b) // the other room's first in a while: not held
    expect(batches).toHaveLength(atOnce + 2) // stored in the turn that brought it, on its own
    expect(batches.at(-1)).toBe(1)
    expect(b.got).toHaveLength(1)
    expect(a.got).toHaveLength(atOnce + 1) // the busy room's update still waits for its group
    await relay.flushed()
    expect(batches).toHaveLength(atOnce + 3)
    expect(a.got).toHaveLength(atOnce + 2)
  })

  it('takes a room with a few updates a second, however close two of them come, as quiet', async () => {
    const { relay, batches } = setup({ storeEveryMs: 400 })
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    for (let i = 0; i < 5; i++) {
      relay.applyUpdate(room, edit(`a${i}`), peer)
      relay.applyUpdate(room, edit(`b${i}`), peer) // right after the one before: a coincidence, not a burst
      expect(peer.got).toHaveLength(2 * i + 2) // neither waited
      await sleep(60)
    }
    expect(batches).toEqual(ones(10))
  })

  it('never lets an update stored at once overtake one of its room still being stored', async () => {
    const stored: string[] = []
    const storage = createMemoryStorage()
    const text = (u: Uint8Array): string => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, u)
      return doc.getArray<string>('a').toArray().join()
    }
    const relay = new Relay(
      {
        ...storage,
        // a store that takes a while (the batch below is still on its way when the next update comes)
        append: async (b) => {
          await sleep(400)
          stored.push(...b.map((u) => text(u.update)))
        },
        appendNow: (b) => void stored.push(...b.map((u) => text(u.update))),
      },
      createMetrics(false),
      createLogger('silent'),
      { compactAfterRows: 1000, storeEveryMs: 1 },
    )
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    const atOnce = makeBusy(relay, room, peer) // the rest of the burst: in the next turn's batch, 400 ms long
    await sleep(300)
    relay.applyUpdate(room, edit('last'), peer) // quiet again, but the batch is not stored yet: it waits
    await relay.flushed()
    const burst = Array.from({ length: BURST }, (_, i) => `burst${i}`)
    expect(stored).toEqual([...burst, 'last'])
    const updateOf = (m: Uint8Array): Uint8Array => {
      const d = decoding.createDecoder(m)
      decoding.readVarUint(d) // sync
      decoding.readVarUint(d) // update
      return decoding.readVarUint8Array(d)
    }
    // the batch as one message (its items in the merged document's order, by client id)
    const sorted = (m: Uint8Array): string => text(updateOf(m)).split(',').sort().join()
    expect(peer.got.map(sorted)).toEqual([
      ...burst.slice(0, atOnce),
      burst.slice(atOnce).sort().join(),
      'last',
    ])
  })
})
