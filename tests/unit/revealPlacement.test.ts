import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { transferAllObjects } from '../../shared/ops/transfer'
import { ObjectIndex } from '../../client/state/objectIndex'
import { boundsOf, intersects } from '../../shared/schema/geometry'

const people = ['Pia', 'Li', 'Sam', 'Ada'].map((name) => createOrigin(`u-${name}`, name))

describe('Reveal puts private notes written on the same spot side by side', () => {
  it('notes each person wrote in the middle of the same view are all to be seen after Reveal', () => {
    const board = new Y.Doc()
    // a frame around the middle and a note already on the board there
    addObject(
      board,
      { kind: 'frame', canvas: 'c', x: -800, y: -600, props: { w: 1600, h: 1200 } },
      people[0]!,
    )
    addObject(board, { kind: 'sticky', canvas: 'c', x: -100, y: -100, text: 'public' }, people[0]!)
    for (const who of people) {
      const own = new Y.Doc()
      addObject(own, { kind: 'sticky', canvas: 'c', x: -100, y: -100, text: `${who.name} 1` }, who)
      addObject(own, { kind: 'sticky', canvas: 'c', x: -100, y: -100, text: `${who.name} 2` }, who)
      transferAllObjects(own, board, 'server')
      expect(new ObjectIndex(own).canvas('c').objects).toEqual([])
    }
    const notes = new ObjectIndex(board).canvas('c').objects.filter((o) => o.kind === 'sticky')
    expect(notes).toHaveLength(9)
    const boxes = notes.map(boundsOf)
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(intersects(a, b), JSON.stringify([a, b])).toBe(false)
    // the note already there stays where it was; the revealed ones stay near it (within the frame)
    expect(notes.find((o) => o.text === 'public')).toMatchObject({ x: -100, y: -100 })
    for (const box of boxes) expect(Math.max(Math.abs(box.x + 100), Math.abs(box.y + 100))).toBeLessThan(700)
  })

  it('a note alone on its spot keeps the place its author gave it', () => {
    const board = new Y.Doc()
    addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'here' }, people[0]!)
    const own = new Y.Doc()
    const id = addObject(own, { kind: 'sticky', canvas: 'c', x: 900, y: 40, text: 'over there' }, people[1]!)
    addObject(own, { kind: 'sticky', canvas: 'other', x: 0, y: 0, text: 'another canvas' }, people[1]!)
    transferAllObjects(own, board, 'server')
    const index = new ObjectIndex(board)
    expect(index.get(id)).toMatchObject({ ok: true, object: { x: 900, y: 40 } })
    expect(index.canvas('other').objects[0]).toMatchObject({ x: 0, y: 0 })
  })
})
