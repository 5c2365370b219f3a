import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Outbox } from '../../server/relay/outbox'
import type { RoomPeer } from '../../server/relay/room'

class Peer implements RoomPeer {
  readonly clientIds = new Set<number>()
  readonly doc = new Y.Doc()
  messages = 0
  send(m: Uint8Array): void {
    const d = decoding.createDecoder(m)
    decoding.readVarUint(d) // sync
    decoding.readVarUint(d) // update
    Y.applyUpdate(this.doc, decoding.readVarUint8Array(d))
    this.messages++
  }
  close(): void {}
}

const edit = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getArray<string>('a').push([text])
  return Y.encodeStateAsUpdate(doc)
}
const texts = (p: Peer): string[] => p.doc.getArray<string>('a').toArray().sort()

describe('outbox', () => {
  it('sends a large room in slices; peers not yet reached get what was stored meanwhile in the same message', () => {
    const outbox = new Outbox()
    const [a, b, c] = [new Peer(), new Peer(), new Peer()]
    for (const p of [a, b, c]) outbox.add(p)
    outbox.push(edit('one'))
    expect(outbox.sendSlice(2)).toBe(true)
    expect([a.messages, b.messages, c.messages]).toEqual([1, 1, 0])

    outbox.push(edit('two')) // stored while the first broadcast was still going out
    expect(outbox.sendSlice(2)).toBe(true)
    expect(c.messages).toBe(1) // one message holding both
    expect(texts(c)).toEqual(['one', 'two'])
    expect(outbox.sendSlice(2)).toBe(false)
    for (const p of [a, b, c]) expect(texts(p)).toEqual(['one', 'two'])
    expect([a.messages, b.messages]).toEqual([2, 2])
  })

  it('sends a peer that joins later only what is stored after it joined, and nothing to one that left', () => {
    const outbox = new Outbox()
    const [early, late, gone] = [new Peer(), new Peer(), new Peer()]
    outbox.add(early)
    outbox.add(gone)
    outbox.push(edit('before'))
    outbox.add(late)
    outbox.remove(gone)
    outbox.push(edit('after'))
    while (outbox.sendSlice(1));
    expect(texts(early)).toEqual(['after', 'before'])
    expect(texts(late)).toEqual(['after'])
    expect(gone.messages).toBe(0)
  })
})
