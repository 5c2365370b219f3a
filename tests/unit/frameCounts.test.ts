import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, moveObjects, setPlainText } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { ObjectIndex } from '../../client/state/objectIndex'
import { frameNoteCounts } from '../../client/facilitation/frameCounts'

const who = createOrigin('u1', 'Ada')

describe('notes counted in each frame', () => {
  it('counts what lies inside, keeps the count while only text changes, counts again when a note moves', () => {
    const doc = new Y.Doc()
    const frame = addObject(doc, { kind: 'frame', canvas: 'a', x: 0, y: 0, props: { w: 1000, h: 1000 } }, who)
    const inside = addObject(doc, { kind: 'sticky', canvas: 'a', x: 100, y: 100, text: 'in' }, who)
    addObject(doc, { kind: 'sticky', canvas: 'a', x: 2000, y: 0, text: 'out' }, who)
    const index = new ObjectIndex(doc)
    const frames = () => index.canvas('a').objects.filter((o) => o.kind === 'frame')
    const first = frameNoteCounts(frames(), index.canvas('a').objects)
    expect(first.get(frame)).toBe(1)

    setPlainText(doc, inside, 'typing in it', who)
    expect(frameNoteCounts(frames(), index.canvas('a').objects)).toBe(first)

    moveObjects(doc, [{ id: inside, x: 3000, y: 0 }], who)
    expect(frameNoteCounts(frames(), index.canvas('a').objects).get(frame)).toBe(0)

    addObject(doc, { kind: 'sticky', canvas: 'a', x: 500, y: 500, text: 'new' }, who)
    expect(frameNoteCounts(frames(), index.canvas('a').objects).get(frame)).toBe(1)
  })
})
