import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bringToFront, placeObjects, sendToBack, setLocked } from '../../shared/ops/arrange'
import {
  addCanvas,
  deleteCanvas,
  deleteCanvasObjects,
  moveCanvas,
  renameCanvas,
} from '../../shared/ops/canvases'
import { copyObjects, duplicateObjects, parseClipboard, pasteObjects } from '../../shared/ops/clipboard'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject, textOf } from '../../shared/schema/boardDoc'
import { readCanvases } from '../../shared/schema/controlDoc'
import { frameContents, framesInOrder, withFrameContents, boundsOf } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { readRichText, writeRichText } from '../../shared/schema/richText'

const me = createOrigin('u-me', 'Me')
const all = (doc: Y.Doc): BoardObject[] =>
  [...objectsOf(doc).entries()].flatMap(([id, m]) => {
    const r = readObject(id, m)
    return r.ok ? [r.object] : []
  })
const get = (doc: Y.Doc, id: string): BoardObject => all(doc).find((o) => o.id === id)!

describe('arrange', () => {
  it('brings to front and sends to back within a canvas, keeping relative order', () => {
    const doc = new Y.Doc()
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) =>
      addObject(doc, { kind: 'sticky', canvas: 'k', x: 0, y: 0, id }, me),
    )
    bringToFront(doc, [a!, b!], me)
    const order = (): string[] =>
      all(doc)
        .sort((x, y) => x.z - y.z)
        .map((o) => o.id)
    expect(order()).toEqual(['c', 'd', 'a', 'b'])
    sendToBack(doc, [d!, b!], me)
    expect(order()).toEqual(['d', 'b', 'c', 'a'])
    void c
  })
  it('locks, places and rotates', () => {
    const doc = new Y.Doc()
    const id = addObject(doc, { kind: 'shape', canvas: 'k', x: 0, y: 0 }, me)
    setLocked(doc, [id], true, me)
    placeObjects(doc, [{ id, x: 5, y: 6, rotation: -90 }], me)
    expect(get(doc, id)).toMatchObject({ locked: true, x: 5, y: 6, rotation: 270 })
  })
})

describe('clipboard', () => {
  it('copies rich text and props, pastes as new objects by the paster, across canvases', () => {
    const doc = new Y.Doc()
    const id = addObject(
      doc,
      { kind: 'sticky', canvas: 'one', x: 10, y: 20, props: { color: 'pink' } },
      createOrigin('u-o', 'Orig'),
    )
    const frag = textOf(doc, id)!
    writeRichText(frag, [
      {
        type: 'element',
        name: 'paragraph',
        attrs: {},
        children: [
          { type: 'text', delta: [{ insert: 'bold', attributes: { bold: true } }, { insert: ' 文字' }] },
        ],
      },
    ])
    const data = parseClipboard(JSON.stringify(copyObjects(doc, [id])))!
    expect(data).not.toBeNull()
    const [pasted] = pasteObjects(doc, data, 'two', { dx: 5, dy: 5 }, me)
    const copy = get(doc, pasted!)
    expect(copy).toMatchObject({ canvas: 'two', x: 15, y: 25, author: 'Me', text: 'bold 文字' })
    expect(copy.kind === 'sticky' && copy.props.color).toBe('pink')
    expect(readRichText(textOf(doc, pasted!)!)).toEqual(readRichText(frag))
  })
  it('refuses foreign text and skips unknown kinds or bad props', () => {
    expect(parseClipboard('hello')).toBeNull()
    expect(parseClipboard(JSON.stringify({ format: 'other', objects: [] }))).toBeNull()
    const doc = new Y.Doc()
    const ids = pasteObjects(
      doc,
      {
        format: 'workshop-whiteboard/objects@1',
        objects: [
          { kind: 'hologram', x: 0, y: 0, rotation: 0, props: {}, richText: [] },
          { kind: 'sticky', x: 0, y: 0, rotation: 0, props: { color: 'ultraviolet' }, richText: [] },
          { kind: 'frame', x: 0, y: 0, rotation: 0, props: { title: 'ok' }, richText: [] },
        ],
      },
      'k',
      { dx: 0, dy: 0 },
      me,
    )
    expect(ids).toHaveLength(1)
    expect(get(doc, ids[0]!).kind).toBe('frame')
  })
  it('duplicates next to the original', () => {
    const doc = new Y.Doc()
    const id = addObject(doc, { kind: 'sticky', canvas: 'k', x: 0, y: 0, text: 'twin' }, me)
    const [dup] = duplicateObjects(doc, [id], me)
    expect(get(doc, dup!)).toMatchObject({ x: 24, y: 24, text: 'twin', canvas: 'k' })
    expect(get(doc, dup!).z).toBeGreaterThan(get(doc, id).z)
  })
})

describe('frames', () => {
  it('hold what lies inside them, and move it along', () => {
    const doc = new Y.Doc()
    const frame = addObject(doc, { kind: 'frame', canvas: 'k', x: 0, y: 0, props: { w: 500, h: 500 } }, me)
    const inside = addObject(doc, { kind: 'sticky', canvas: 'k', x: 100, y: 100 }, me)
    const outside = addObject(doc, { kind: 'sticky', canvas: 'k', x: 900, y: 100 }, me)
    const locked = addObject(doc, { kind: 'sticky', canvas: 'k', x: 200, y: 200 }, me)
    setLocked(doc, [locked], true, me)
    const elsewhere = addObject(doc, { kind: 'sticky', canvas: 'other', x: 100, y: 100 }, me)
    const objects = all(doc)
    expect(
      frameContents(get(doc, frame), objects)
        .map((o) => o.id)
        .sort(),
    ).toEqual([inside, locked].sort())
    const moving = withFrameContents(objects, [frame])
    expect(moving.sort()).toEqual([frame, inside].sort())
    expect(moving).not.toContain(outside)
    expect(moving).not.toContain(elsewhere)
  })
  it('come in page order', () => {
    const doc = new Y.Doc()
    const p2 = addObject(doc, { kind: 'frame', canvas: 'k', x: 0, y: 0, props: { order: 2 } }, me)
    const p1 = addObject(doc, { kind: 'frame', canvas: 'k', x: 900, y: 0, props: { order: 1 } }, me)
    expect(framesInOrder(all(doc)).map((f) => f.id)).toEqual([p1, p2])
  })
  it('bound every kind', () => {
    const doc = new Y.Doc()
    const line = addObject(
      doc,
      { kind: 'shape', canvas: 'k', x: 100, y: 100, props: { shape: 'line', w: -50, h: 20 } },
      me,
    )
    expect(boundsOf(get(doc, line))).toEqual({ x: 50, y: 100, w: 50, h: 20 })
    const pen = addObject(
      doc,
      { kind: 'stroke', canvas: 'k', x: 10, y: 10, props: { points: [0, 0, 10, 20], width: 4 } },
      me,
    )
    expect(boundsOf(get(doc, pen))).toEqual({ x: 8, y: 8, w: 14, h: 24 })
  })
})

describe('canvases', () => {
  it('add, rename, reorder and delete (never the last one)', () => {
    const control = new Y.Doc()
    const board = new Y.Doc()
    const a = addCanvas(control, '  Collage ', me)
    const b = addCanvas(control, 'Recipe wall', me)
    renameCanvas(control, a, 'Our collage', me)
    moveCanvas(control, b, 0, me)
    expect(readCanvases(control).map((c) => c.name)).toEqual(['Recipe wall', 'Our collage'])
    addObject(board, { kind: 'sticky', canvas: a, x: 0, y: 0 }, me)
    addObject(board, { kind: 'sticky', canvas: b, x: 0, y: 0 }, me)
    expect(deleteCanvas(control, a, me)).toBe(true)
    deleteCanvasObjects(board, a, me)
    expect(all(board).map((o) => o.canvas)).toEqual([b])
    expect(deleteCanvas(control, b, me)).toBe(false)
    expect(readCanvases(control)).toHaveLength(1)
  })
})
