import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bringToFront, placeObjects, sendToBack, setLocked } from '../../shared/ops/arrange'
import { deleteCanvasObjects } from '../../shared/ops/canvases'
import { copyObjects, duplicateObjects, pasteObjects } from '../../shared/ops/clipboard'
import { myObjectIds, setConsent, setHidden, toggleReaction } from '../../shared/ops/contributions'
import { addObject, moveObjects, setLang, updateProps } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { groupIntoFrame } from '../../shared/ops/themes'
import { objectMapOf, objectMaps, objectsOf, readObject } from '../../shared/schema/boardDoc'
import { changedThings, kindsNow } from '../../shared/schema/changes'

const ann = createOrigin('u-ann', 'Ann')

/** A board with one good note and, beside it, entries that are not objects at all. */
function boardWithJunk(): { doc: Y.Doc; good: string } {
  const doc = new Y.Doc()
  const good = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'good' }, ann)
  objectsOf(doc).set('x', 'hello' as never)
  objectsOf(doc).set('n', 42 as never)
  return { doc, good }
}

describe('commands on a board holding entries that are not objects', () => {
  it('objectMapOf and objectMaps pass over what is not a map', () => {
    const { doc, good } = boardWithJunk()
    expect(objectMapOf(doc, 'x')).toBeUndefined()
    expect(objectMapOf(doc, good)).toBeInstanceOf(Y.Map)
    expect(objectMaps(doc).map(([id]) => id)).toEqual([good])
  })

  it('every command still works on the good objects and leaves the rest alone', () => {
    const { doc, good } = boardWithJunk()
    const ids = [good, 'x', 'n']
    const added = addObject(doc, { kind: 'sticky', canvas: 'c', x: 10, y: 10, text: 'added' }, ann)
    moveObjects(
      doc,
      ids.map((id) => ({ id, x: 5, y: 5 })),
      ann,
    )
    placeObjects(
      doc,
      ids.map((id) => ({ id, x: 6, y: 6 })),
      ann,
    )
    bringToFront(doc, ids, ann)
    sendToBack(doc, ids, ann)
    setLocked(doc, ids, false, ann)
    setLang(doc, ids, 'fr', ann)
    updateProps(doc, 'x', 'sticky', { color: 'blue' }, ann)
    setConsent(doc, ids, true, ann)
    setHidden(doc, ids, false, ann)
    expect(toggleReaction(doc, 'x', '👍', ann)).toBe(false)
    expect(toggleReaction(doc, good, '👍', ann)).toBe(true)
    expect(myObjectIds(doc, ann.userId).sort()).toEqual([good, added].sort())
    const copied = copyObjects(doc, ids)
    expect(copied.objects).toHaveLength(1)
    expect(pasteObjects(doc, copied, 'c', { dx: 1, dy: 1 }, ann)).toHaveLength(1)
    expect(duplicateObjects(doc, ['x', good], ann)).toHaveLength(1)
    expect(groupIntoFrame(doc, ['x', good], 'Theme', ann)).not.toBeNull()
    const read = readObject(good, objectMapOf(doc, good))
    expect(read.ok && [read.object.x, read.object.lang]).toEqual([6, 'fr'])
    deleteCanvasObjects(doc, 'c', ann)
    expect([...objectsOf(doc).keys()].sort()).toEqual(['n', 'x'])
  })

  it('counting unsent changes reads the kinds of the good objects only', () => {
    const { doc, good } = boardWithJunk()
    const known = kindsNow(doc)
    expect([...known]).toEqual([[good, 'sticky']])
    let things: ReturnType<typeof changedThings> = []
    doc.on('afterTransaction', (tr: Y.Transaction) => (things = changedThings(tr, known)))
    objectsOf(doc).set('y', 'another string' as never)
    expect(things).toEqual([{ key: 'y', kind: 'other' }])
  })
})
