import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, type AddObjectArgs } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { BoardObject, ObjectKind } from '../../shared/schema/kinds'
import {
  buildOutline,
  countInside,
  flattenOutline,
  numberByKind,
  type OutlineNode,
} from '../../client/panels/outline'
import { rowLabel, summaryOf } from '../../client/panels/objectLabels'

const me = createOrigin('u-me', 'Ada')

function board(items: AddObjectArgs<ObjectKind>[]): BoardObject[] {
  const doc = new Y.Doc()
  items.forEach((item, i) => addObject(doc, { ...item, now: i + 1 }, me))
  return [...objectsOf(doc).entries()].flatMap(([id, m]) => {
    const r = readObject(id, m)
    return r.ok ? [r.object] : []
  })
}

/** The outline as nested ids, easy to compare. */
const shape = (nodes: readonly OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.type === 'frame' ? { [n.object.id]: shape(n.children) } : n.object.id))

describe('the list view outline', () => {
  it('puts each object under the smallest frame holding it, frames first, then by creation', () => {
    const objects = board([
      { kind: 'sticky', canvas: 'c', x: 5000, y: 0, id: 'loose' },
      {
        kind: 'frame',
        canvas: 'c',
        x: 0,
        y: 0,
        id: 'big',
        props: { w: 2000, h: 2000, title: 'Themes', order: 0 },
      },
      {
        kind: 'frame',
        canvas: 'c',
        x: 100,
        y: 100,
        id: 'small',
        props: { w: 800, h: 800, title: 'Food', order: 1 },
      },
      { kind: 'sticky', canvas: 'c', x: 200, y: 200, id: 'in-small' },
      { kind: 'sticky', canvas: 'c', x: 1500, y: 1500, id: 'in-big' },
      { kind: 'shape', canvas: 'c', x: 1200, y: 1200, id: 'box' },
    ])
    const outline = buildOutline(objects)
    expect(shape(outline)).toEqual([{ big: [{ small: ['in-small'] }, 'in-big', 'box'] }, 'loose'])
    expect(flattenOutline(outline).map((o) => o.id)).toEqual([
      'big',
      'small',
      'in-small',
      'in-big',
      'box',
      'loose',
    ])
    const [big] = outline
    expect(big?.type === 'frame' && countInside(big.children)).toBe(4)
  })

  it('never loses two frames lying exactly on top of each other', () => {
    const frame = { w: 500, h: 500, title: 'Same', order: 0 }
    const objects = board([
      { kind: 'frame', canvas: 'c', x: 0, y: 0, id: 'a', props: frame },
      { kind: 'frame', canvas: 'c', x: 0, y: 0, id: 'b', props: frame },
      { kind: 'sticky', canvas: 'c', x: 10, y: 10, id: 'note' },
    ])
    const ids = flattenOutline(buildOutline(objects)).map((o) => o.id)
    expect(ids.sort()).toEqual(['a', 'b', 'note'])
  })

  it('numbers objects within their kind and names the wordless ones', () => {
    const objects = board([
      { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'n1' },
      { kind: 'image', canvas: 'c', x: 0, y: 900, id: 'i1' },
      { kind: 'sticky', canvas: 'c', x: 900, y: 0, id: 'n2' },
      { kind: 'shape', canvas: 'c', x: 0, y: 0, id: 's', props: { shape: 'ellipse' } },
      { kind: 'stroke', canvas: 'c', x: 0, y: 0, id: 'p', props: { points: [0, 0, 10, 10] } },
    ])
    const numbers = numberByKind(objects)
    const byId = new Map(objects.map((o) => [o.id, o]))
    expect(rowLabel(byId.get('n2')!, numbers.get('n2')!)).toBe('Note 2 — Ada')
    expect(rowLabel(byId.get('i1')!, numbers.get('i1')!)).toBe('Image 1 — Ada')
    expect(summaryOf(byId.get('s')!)).toBe('Ellipse')
    expect(summaryOf(byId.get('p')!)).toBe('Pen stroke')
  })
})
