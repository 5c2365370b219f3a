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

  it('the nearest free slot in world units: a wide, low text box goes below what is in the way, not a width away', () => {
    const text = { x: -160, y: -30, w: 320, h: 60 }
    const stroke = { x: -150, y: -40, w: 300, h: 80 }
    const spot = freeSpot([stroke], text)
    expect(spot.x).toBe(text.x)
    expect(Math.abs(spot.y - text.y)).toBe(84) // one text-height step (and gap) away
  })

  it('only where its maker is looking: never a slot past the edge of their screen', () => {
    // a phone's view of one page: 420 wide and tall, the middle taken by a tall drawing
    const view = { x: -210, y: -600, w: 420, h: 1200 }
    const drawing = { x: -150, y: -300, w: 300, h: 600 }
    // as near below as to the right; the right (rightwards first) is off that screen
    expect(freeSpot([drawing], middle).x).toBeGreaterThan(view.x + view.w)
    const spot = freeSpot([drawing], middle, undefined, view)
    expect(spot).toEqual({ ...middle, y: middle.y + 448 })
    expect(spot.x + spot.w).toBeLessThanOrEqual(view.x + view.w)
  })

  it('with every slot on screen taken, the nearest free one off it, never on top of another object', () => {
    const view = { x: -150, y: -150, w: 300, h: 300 }
    const full = { x: -150, y: -150, w: 300, h: 300 }
    expect(freeSpot([full], middle, undefined, view)).toEqual(freeSpot([full], middle))
    expect(freeSpot([full], middle, undefined, view)).not.toEqual(middle)
  })
})
