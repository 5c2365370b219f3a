import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { objectsOf, readObject, textOf, writeObject, changedObjectIds } from '../../shared/schema/boardDoc'
import { KINDS, isObjectKind, STICKY_COLORS } from '../../shared/schema/kinds'
import { fragmentToPlainText, writePlainText } from '../../shared/schema/richText'

describe('kinds', () => {
  it('every kind has valid defaults', () => {
    for (const def of Object.values(KINDS)) expect(def.props.safeParse(def.defaults()).success).toBe(true)
  })
  it('sticky rejects bad props', () => {
    const p = KINDS.sticky.props
    expect(p.safeParse({ w: -1, h: 10, color: 'yellow' }).success).toBe(false)
    expect(p.safeParse({ w: 10, h: 10, color: 'chartreuse' }).success).toBe(false)
    expect(p.safeParse({ w: Number.NaN, h: 10, color: 'yellow' }).success).toBe(false)
    for (const color of STICKY_COLORS) expect(p.safeParse({ w: 10, h: 10, color }).success).toBe(true)
  })
  it('knows its own kinds only', () => {
    expect(isObjectKind('sticky')).toBe(true)
    expect(isObjectKind('toString')).toBe(false)
    expect(isObjectKind(42)).toBe(false)
  })
})

const base = {
  id: 'n1',
  kind: 'sticky' as const,
  canvas: 'c1',
  x: 1,
  y: 2,
  z: 1,
  createdBy: 'u1',
  author: 'Ann',
  createdAt: 5,
  props: { w: 100, h: 120, color: 'pink' as const },
}

describe('readObject', () => {
  it('round-trips a written object, rich text as plain text', () => {
    const doc = new Y.Doc()
    objectsOf(doc).set('n1', writeObject(base))
    writePlainText(textOf(doc, 'n1')!, 'hello\nworld')
    const r = readObject('n1', objectsOf(doc).get('n1')!)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.object).toMatchObject({
      id: 'n1',
      kind: 'sticky',
      x: 1,
      y: 2,
      author: 'Ann',
      text: 'hello\nworld',
    })
    expect(r.object.props).toEqual({ w: 100, h: 120, color: 'pink' })
  })

  it('reports unknown kinds, newer versions and invalid props instead of throwing', () => {
    const doc = new Y.Doc()
    const objects = objectsOf(doc)
    const unknown = writeObject(base)
    unknown.set('kind', 'hologram')
    objects.set('a', unknown)
    const newer = writeObject(base)
    newer.set('v', 99)
    objects.set('b', newer)
    const bad = writeObject(base)
    bad.set('color', 'ultraviolet')
    objects.set('c', bad)
    const noPos = writeObject(base)
    noPos.set('x', 'left')
    objects.set('d', noPos)
    const results = ['a', 'b', 'c', 'd'].map((id) => readObject(id, objects.get(id)!))
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false])
    const reasons = results.map((r) => (r.ok ? '' : r.invalid.reason))
    expect(reasons[0]).toMatch(/unknown kind "hologram"/)
    expect(reasons[1]).toMatch(/newer/)
    expect(reasons[2]).toMatch(/invalid props: color/)
    expect(reasons[3]).toMatch(/invalid fields: x/)
    expect(results[0]!.ok ? null : results[0]!.invalid.canvas).toBe('c1')
  })

  it('names the objects touched by deep events', () => {
    const doc = new Y.Doc()
    objectsOf(doc).set('n1', writeObject(base))
    objectsOf(doc).set('n2', writeObject({ ...base, id: 'n2' }))
    let seen: string[] = []
    objectsOf(doc).observeDeep((events) => (seen = [...changedObjectIds(events).ids].sort()))
    objectsOf(doc).get('n2')!.set('x', 9)
    expect(seen).toEqual(['n2'])
    writePlainText(textOf(doc, 'n1')!, 'typed')
    expect(seen).toEqual(['n1'])
    objectsOf(doc).delete('n2')
    expect(seen).toEqual(['n2'])
  })
})

describe('rich text', () => {
  it('flattens paragraphs and formatting to plain text', () => {
    const doc = new Y.Doc()
    const f = doc.getXmlFragment('t')
    const p1 = new Y.XmlElement('paragraph')
    const t1 = new Y.XmlText()
    t1.insert(0, 'bold', { bold: true })
    t1.insert(4, ' and plain')
    p1.insert(0, [t1])
    const p2 = new Y.XmlElement('paragraph')
    p2.insert(0, [new Y.XmlText('second 第二')])
    f.insert(0, [p1, p2])
    expect(fragmentToPlainText(f)).toBe('bold and plain\nsecond 第二')
  })
})
