import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { ObjectIndex } from '../../client/state/objectIndex'
import { freeSpot, obstacles } from '../../client/canvas/placement'

const who = createOrigin('u1', 'Ada')
const NOTE = { w: 200, h: 200 }

/** A canvas with a big frame around the middle of the view and, maybe, a note in its centre. */
function canvas(withNote: boolean) {
  const doc = new Y.Doc()
  addObject(doc, { kind: 'frame', canvas: 'a', x: -600, y: -400, props: { w: 1200, h: 800 } }, who)
  if (withNote) addObject(doc, { kind: 'sticky', canvas: 'a', x: -100, y: -100, text: 'here first' }, who)
  return new ObjectIndex(doc).canvas('a').objects
}

describe('where a new note goes when nobody said where', () => {
  const middle = { x: -100, y: -100, ...NOTE }

  it('in the middle of the view, inside the frame seen there: a frame is not in the way', () => {
    expect(obstacles(canvas(false))).toEqual([])
    expect(freeSpot(obstacles(canvas(false)), middle)).toEqual(middle)
  })

  it('beside a note already there, still inside the frame (right before left)', () => {
    const spot = freeSpot(obstacles(canvas(true)), middle)
    expect(spot).toEqual({ ...middle, x: middle.x + 224 })
    expect(spot.x + spot.w).toBeLessThanOrEqual(600)
  })

  it('where every nearby slot is taken, the middle after all (never nowhere)', () => {
    const taken = [{ x: -5000, y: -5000, w: 10_000, h: 10_000 }]
    expect(freeSpot(taken, middle)).toEqual(middle)
  })
})
