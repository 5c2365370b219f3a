import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, moveObjects, setPlainText } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { ObjectIndex } from '../../client/state/objectIndex'
import { areaOf, changedObjects, drawableOnTop, MAX_HOT, splitByHeat } from '../../client/canvas/hotObjects'

const who = createOrigin('u1', 'Ada')

/** A canvas of notes in a row, 200 apart (notes are 200 wide, so neighbours just touch nothing). */
function board(count: number) {
  const doc = new Y.Doc()
  const ids = Array.from({ length: count }, (_, i) =>
    addObject(doc, { kind: 'sticky', canvas: 'a', x: i * 300, y: 0, text: `n${i}` }, who),
  )
  const index = new ObjectIndex(doc)
  return { doc, ids, index }
}

describe('the layer of changing objects', () => {
  it('finds the notes whose snapshot changed, as the board keeps every other snapshot', () => {
    const { doc, ids, index } = board(20)
    const before = index.canvas('a').objects
    setPlainText(doc, ids[3]!, 'typing…', who)
    const after = index.canvas('a').objects
    expect(changedObjects(before, after)).toEqual([ids[3]])
    expect(changedObjects(after, after)).toEqual([])
    expect(changedObjects(null, after)).toEqual([])
  })

  it('a change to many objects at once (a group move, an import) is not typing', () => {
    const { doc, ids, index } = board(20)
    const before = index.canvas('a').objects
    moveObjects(
      doc,
      ids.slice(0, MAX_HOT + 1).map((id) => ({ id, x: 0, y: 900 })),
      who,
    )
    expect(changedObjects(before, index.canvas('a').objects)).toBeNull()
  })

  it('notes already warm (typed into lately) do not count towards a change to many at once', () => {
    const { doc, ids, index } = board(20)
    const before = index.canvas('a').objects
    // the list catches up with the typing of many people at once
    for (const id of ids.slice(0, MAX_HOT + 4)) setPlainText(doc, id, 'typing…', who)
    const after = index.canvas('a').objects
    expect(changedObjects(before, after)).toBeNull()
    const warm = new Map(ids.slice(0, MAX_HOT + 4).map((id) => [id, 0]))
    expect(changedObjects(before, after, warm)).toEqual(ids.slice(0, MAX_HOT + 4))
  })

  it('a note added or reordered is found by id, not by place', () => {
    const { doc, index } = board(5)
    const before = index.canvas('a').objects
    const added = addObject(doc, { kind: 'sticky', canvas: 'a', x: 0, y: 600, text: 'new' }, who)
    expect(changedObjects(before, index.canvas('a').objects)).toEqual([added])
    expect(changedObjects([...before].reverse(), before)).toEqual([])
  })

  it('only a note nothing later overlaps goes on top, so the picture stays the same', () => {
    const { doc, ids, index } = board(4)
    // the last note is moved over the second one: drawn after it, it covers it
    moveObjects(doc, [{ id: ids[3]!, x: 350, y: 40 }], who)
    const visible = index.canvas('a').objects
    const on = drawableOnTop(visible, new Set([ids[0]!, ids[1]!, ids[3]!]))
    expect([...on].sort()).toEqual([ids[0]!, ids[3]!].sort())
    const { cold, warm } = splitByHeat(visible, on)
    expect(warm.map((o) => o.id)).toEqual(visible.filter((o) => on.has(o.id)).map((o) => o.id))
    expect(cold.length + warm.length).toBe(visible.length)
    expect(splitByHeat(visible, new Set()).cold).toBe(visible)
  })

  it('what is not in view is never on the layer', () => {
    const { ids, index } = board(3)
    const visible = index.canvas('a').objects.slice(0, 2)
    expect(drawableOnTop(visible, new Set([ids[2]!]))).toEqual(new Set())
  })
})

describe('the canvas of the layer of changing objects covers only what they paint', () => {
  const size = { width: 1440, height: 800 }
  it('is the box of those objects on screen, with room for their shadows, inside the stage', () => {
    const { index } = board(3)
    const notes = index.canvas('a').objects
    const second = notes[1]! // a 200 × 200 note at (300, 0)
    // at 100 %, the world's origin 100 px into the view: the note's box plus 16 px around it
    const area = areaOf([second], { x: 100, y: 100, scale: 1 }, size)
    expect(area).toEqual({ x: 100 + 300 - 16, y: 100 - 16, width: 232, height: 232 })
    // zoomed in twice over: the same box, twice the size, where the view shows it
    expect(areaOf([second], { x: 100, y: 100, scale: 2 }, size)).toEqual({
      x: 100 + 2 * (300 - 16),
      y: 100 - 32,
      width: 464,
      height: 464,
    })
    // several notes: one box around them all (three notes 300 apart)
    expect(areaOf(notes, { x: 100, y: 100, scale: 1 }, size)).toEqual({
      x: 84,
      y: 84,
      width: 832,
      height: 232,
    })
    // nothing changing: nothing to draw
    expect(areaOf([], { x: 0, y: 0, scale: 1 }, size)).toEqual({ x: 0, y: 0, width: 0, height: 0 })
  })

  it('never reaches past the stage, whatever is off screen', () => {
    const { index } = board(3)
    const notes = index.canvas('a').objects
    for (const v of [
      { x: -5000, y: -5000, scale: 1 },
      { x: 5000, y: 5000, scale: 3 },
      { x: -100, y: -100, scale: 0.2 },
    ]) {
      const a = areaOf(notes, v, size)
      expect(a.x).toBeGreaterThanOrEqual(0)
      expect(a.y).toBeGreaterThanOrEqual(0)
      expect(a.x + a.width).toBeLessThanOrEqual(size.width)
      expect(a.y + a.height).toBeLessThanOrEqual(size.height)
    }
  })
})
