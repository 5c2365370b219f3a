import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../server/logger'
import { createMetrics } from '../../server/metrics'
import { decodeAwarenessUpdate } from '../../server/relay/awareness'
import { Relay } from '../../server/relay/relay'
import type { RoomPeer } from '../../server/relay/room'
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

  it('stores updates arriving within the group window in one transaction, each stored before relayed', async () => {
    const { relay, batches } = setup({ storeEveryMs: 400 })
    const peer = new Peer()
    const room = await relay.join(ROOM, info, peer)
    relay.applyUpdate(room, edit('first'), peer) // after a quiet spell: stored and relayed at once
    expect(batches).toEqual([1])
    expect(peer.got).toHaveLength(1)
    relay.applyUpdate(room, edit('second'), peer)
    await sleep(5)
    relay.applyUpdate(room, edit('third'), peer)
    expect(batches).toEqual([1]) // held for the group
    expect(peer.got).toHaveLength(1) // and nothing relayed before it is stored
    await relay.flushed()
    expect(batches).toEqual([1, 2])
    expect(peer.got).toHaveLength(2) // one message with both
  })
  it('stores and relays a quiet room’s update at once, while a busy room’s wait for their group', async () => {
    const { relay, batches } = setup({ storeEveryMs: 400 })
    const [a, b] = [new Peer(), new Peer()]
    const busy = await relay.join(ROOM, info, a)
    const QUIET = 'BBBBBBBBBBBBBBBBBBBBBB'
    const quiet = await relay.join(QUIET, parseRoom(QUIET)!, b)
    relay.applyUpdate(busy, edit('first'), a)
    await sleep(5)
    relay.applyUpdate(busy, edit('second'), a) // soon after the first: busy, so held for the group
    await sleep(5)
    expect(batches).toEqual([1])
    expect(a.got).toHaveLength(1)
    relay.applyUpdate(quiet, edit('elsewhere'), b) // the other room's first in a while: not held
    expect(batches).toEqual([1, 1]) // stored in the turn that brought it, on its own
    expect(b.got).toHaveLength(1)
    expect(a.got).toHaveLength(1) // the busy room's update still waits for its group
    await relay.flushed()
    expect(batches).toEqual([1, 1, 1])
    expect(a.got).toHaveLength(2)
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
          await sleep(40)
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
    relay.applyUpdate(room, edit('one'), peer) // quiet: at once
    relay.applyUpdate(room, edit('two'), peer) // right after: in the next turn's batch, which takes 40 ms
    await sleep(15)
    relay.applyUpdate(room, edit('three'), peer) // quiet again, but 'two' is not stored yet: it waits
    await relay.flushed()
    expect(stored).toEqual(['one', 'two', 'three'])
    const updateOf = (m: Uint8Array): Uint8Array => {
      const d = decoding.createDecoder(m)
      decoding.readVarUint(d) // sync
      decoding.readVarUint(d) // update
      return decoding.readVarUint8Array(d)
    }
    expect(peer.got.map((m) => text(updateOf(m)))).toEqual(['one', 'two', 'three'])
  })
})
