import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCanvas, renameCanvas } from '../../shared/ops/canvases'
import { addObject, deleteObjects, moveObjects, setPlainText } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setBoardLocked } from '../../shared/ops/session'
import { addPending, changedThings, kindsNow, type ChangedThing } from '../../shared/schema/changes'
import type { ObjectKind } from '../../shared/schema/kinds'

const ada = createOrigin('u-ada', 'Ada')

/** Every transaction's changed things, as the offline count sees them. */
function watch(doc: Y.Doc, known: Map<string, ObjectKind> = new Map()): ChangedThing[][] {
  const seen: ChangedThing[][] = []
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(changedThings(tr, known)))
  return seen
}

describe('what a change touched, as people count it', () => {
  it('an object by its kind, whatever part of it changed (text, position, deletion)', () => {
    const doc = new Y.Doc()
    const seen = watch(doc)
    const note = addObject(doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'a' }, ada)
    setPlainText(doc, note, 'ab', ada)
    moveObjects(doc, [{ id: note, x: 5, y: 5 }], ada)
    const shape = addObject(doc, { kind: 'shape', canvas: 'c1', x: 0, y: 0 }, ada)
    deleteObjects(doc, [note, shape], ada)
    expect(seen).toEqual([
      [{ key: note, kind: 'sticky' }],
      [{ key: note, kind: 'sticky' }],
      [{ key: note, kind: 'sticky' }],
      [{ key: shape, kind: 'shape' }],
      [
        { key: note, kind: 'sticky' },
        { key: shape, kind: 'shape' },
      ],
    ])
  })

  it('an object deleted that this client saw before it started watching keeps its kind', () => {
    const doc = new Y.Doc()
    const words = addObject(doc, { kind: 'text', canvas: 'c1', x: 0, y: 0, text: 'hello' }, ada)
    const seen = watch(doc, kindsNow(doc))
    deleteObjects(doc, [words], ada)
    expect(seen).toEqual([[{ key: words, kind: 'text' }]])
  })

  it('anything that is not an object is one other thing per place', () => {
    const control = new Y.Doc()
    const seen = watch(control)
    const canvas = addCanvas(control, 'Ideas', ada)
    renameCanvas(control, canvas, 'Themes', ada)
    setBoardLocked(control, true, ada)
    expect(seen.map((things) => things.map((t) => t.kind))).toEqual([['other'], ['other'], ['other']])
    // renaming the same canvas twice is the same thing
    expect(seen[0]).toEqual(seen[1])
  })

  it('rooms add up by kind', () => {
    expect(
      addPending({ total: 2, byKind: { sticky: 2 } }, { total: 2, byKind: { sticky: 1, other: 1 } }),
    ).toEqual({ total: 4, byKind: { sticky: 3, other: 1 } })
  })
})
