import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import {
  addObject,
  createUndo,
  deleteObjects,
  moveObjects,
  setPlainText,
  updateProps,
} from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'

const ann = createOrigin('u-ann', 'Ann')
const ben = createOrigin('u-ben', 'Ben')

const snapshot = (doc: Y.Doc): BoardObject[] =>
  [...objectsOf(doc).entries()]
    .map(([id, m]) => readObject(id, m))
    .flatMap((r) => (r.ok ? [r.object] : []))
    .sort((a, b) => a.id.localeCompare(b.id))

describe('commands', () => {
  it('add, move, recolour, retext and delete, each one transaction with the origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const id = addObject(doc, { kind: 'sticky', canvas: 'c', x: 1, y: 2, text: 'hi', now: 7 }, ann)
    moveObjects(
      doc,
      [
        { id, x: 30, y: 40 },
        { id: 'gone', x: 0, y: 0 },
      ],
      ann,
    )
    updateProps(doc, id, 'sticky', { color: 'blue' }, ann)
    setPlainText(doc, id, 'hello', ann)
    expect(snapshot(doc)[0]).toMatchObject({ x: 30, y: 40, text: 'hello', author: 'Ann', createdAt: 7 })
    const note = snapshot(doc)[0]!
    expect(note.kind === 'sticky' && note.props.color).toBe('blue')
    expect(() => updateProps(doc, id, 'sticky', { w: -5 }, ann)).toThrow()
    deleteObjects(doc, [id], ann)
    expect(snapshot(doc)).toEqual([])
    expect(origins.every((o) => o === ann)).toBe(true)
    expect(origins).toHaveLength(6)
  })

  it('stacks new objects on top within a canvas', () => {
    const doc = new Y.Doc()
    addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'a' }, ann)
    addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'b' }, ann)
    addObject(doc, { kind: 'sticky', canvas: 'other', x: 0, y: 0, id: 'c' }, ann)
    const z = Object.fromEntries(snapshot(doc).map((o) => [o.id, o.z]))
    expect(z.b).toBeGreaterThan(z.a!)
    expect(z.c).toBe(1)
  })

  it('undo takes back only my own work', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'))
    b.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote'))
    const undoA = createUndo(a, ann)
    addObject(a, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'mine', text: 'Ann' }, ann)
    undoA.stopCapturing()
    addObject(b, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'theirs', text: 'Ben' }, ben)
    undoA.undo()
    expect(snapshot(a).map((o) => o.id)).toEqual(['theirs'])
    expect(snapshot(b).map((o) => o.id)).toEqual(['theirs'])
    undoA.redo()
    expect(snapshot(b).map((o) => o.id)).toEqual(['mine', 'theirs'])
  })
})

/** Peers whose delivery the test controls: queued, shuffled, duplicated and dropped, then resynced. */
describe('convergence of linked docs (seeded)', () => {
  for (const seed of [1, 2, 3, 42, 1337]) {
    it(`converges with reordered, duplicated and dropped messages, seed ${seed}`, () => {
      const gen = prng.create(seed)
      const peers = [0, 1, 2].map(() => new Y.Doc())
      const queue: { to: number; update: Uint8Array }[] = []
      peers.forEach((doc, i) =>
        doc.on('update', (u: Uint8Array, origin: unknown) => {
          if (origin === 'net') return
          for (let j = 0; j < peers.length; j++) if (j !== i) queue.push({ to: j, update: u })
        }),
      )
      const who = [ann, ben, createOrigin('u-cat', 'Cat')]
      for (let step = 0; step < 200; step++) {
        const p = prng.int32(gen, 0, 2)
        const doc = peers[p]!
        const ids = [...objectsOf(doc).keys()]
        const action = prng.int32(gen, 0, 3)
        if (action === 0 || ids.length === 0) {
          addObject(doc, { kind: 'sticky', canvas: 'c', x: step, y: step, text: `s${step}` }, who[p]!)
        } else if (action === 1) {
          moveObjects(doc, [{ id: prng.oneOf(gen, ids), x: step, y: -step }], who[p]!)
        } else if (action === 2) {
          setPlainText(doc, prng.oneOf(gen, ids), `edit ${step}`, who[p]!)
        } else {
          deleteObjects(doc, [prng.oneOf(gen, ids)], who[p]!)
        }
        // deliver some queued messages out of order, sometimes twice, sometimes never
        while (queue.length > 0 && prng.bool(gen)) {
          const [msg] = queue.splice(prng.int32(gen, 0, queue.length - 1), 1)
          if (!msg || prng.int32(gen, 0, 9) === 0) continue // dropped
          Y.applyUpdate(peers[msg.to]!, msg.update, 'net')
          if (prng.int32(gen, 0, 9) === 0) Y.applyUpdate(peers[msg.to]!, msg.update, 'net')
        }
      }
      // resync: every pair exchanges state vectors and diffs, as sync step 1/2 does
      for (const a of peers)
        for (const b of peers)
          if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'net')
      const states = peers.map((d) => JSON.stringify(snapshot(d)))
      expect(states[1], `seed ${seed}`).toBe(states[0])
      expect(states[2], `seed ${seed}`).toBe(states[0])
    })
  }
})
