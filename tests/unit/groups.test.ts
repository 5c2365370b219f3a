import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  assignPerson,
  bringGroupsBack,
  messageAllGroups,
  planGroups,
  setVisiting,
  splitIntoGroups,
} from '../../shared/ops/groups'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectMaps, readObject } from '../../shared/schema/boardDoc'
import { canvasesOf, readCanvases, writeCanvas } from '../../shared/schema/controlDoc'
import { boundsOf, contains } from '../../shared/schema/geometry'
import { isClosedSpace, readGroups, spacesFor } from '../../shared/schema/groups'
import type { BoardObject } from '../../shared/schema/kinds'

const fay = createOrigin('fay', 'Fay')
const person = (c: string) => c.repeat(43)

function session() {
  const control = new Y.Doc()
  const board = new Y.Doc()
  control.transact(() => canvasesOf(control).push([writeCanvas({ id: 'main', name: 'Main' })]))
  addObject(board, { kind: 'frame', canvas: 'main', x: 0, y: 0, props: { title: 'Stories' } }, fay)
  return { control, board }
}

const objectsOn = (board: Y.Doc, canvas: string): BoardObject[] =>
  objectMaps(board).flatMap(([id, m]) => {
    const read = readObject(id, m)
    return read.ok && read.object.canvas === canvas ? [read.object] : []
  })

describe('planGroups', () => {
  const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
  it('splits into n groups as even as possible, everyone exactly once', () => {
    const groups = planGroups(people, { by: 'count', n: 3 })
    expect(groups.map((g) => g.length).sort()).toEqual([2, 2, 3])
    expect(groups.flat().sort()).toEqual(people)
  })
  it('splits into groups of about n people', () => {
    const groups = planGroups(people, { by: 'size', n: 2 })
    expect(groups).toHaveLength(4)
    expect(groups.flat().sort()).toEqual(people)
  })
  it('never makes more groups than allowed, nor fewer than one', () => {
    expect(planGroups(people, { by: 'count', n: 1000 })).toHaveLength(30)
    expect(planGroups(people, { by: 'count', n: 0 })).toHaveLength(1)
    expect(planGroups([], { by: 'size', n: 3 })).toHaveLength(1)
  })
})

describe('splitIntoGroups and bringGroupsBack', () => {
  it('gives each group its own copy of the canvas, prompt and timer, and closes the others’ spaces', () => {
    const { control, board } = session()
    const ids = splitIntoGroups(
      control,
      board,
      {
        source: 'main',
        sourceName: 'Main',
        names: ['Red', 'Blue', 'Green'],
        members: [[person('a')], [person('b')], []],
        prompt: 'What did you hear?',
        minutes: 10,
        choose: false,
      },
      fay,
      1000,
    )
    const state = readGroups(control)
    expect(state.groups.map((g) => g.name)).toEqual(['Red', 'Blue', 'Green'])
    expect(state.groups.map((g) => g.id)).toEqual(ids)
    expect(state.groups[0]!.timer).toEqual({
      endsAt: 1000 + 600_000,
      remainingMs: 600_000,
      durationMs: 600_000,
    })
    expect(readCanvases(control).map((c) => c.name)).toEqual([
      'Main',
      'Red · Main',
      'Blue · Main',
      'Green · Main',
    ])
    for (const g of state.groups) expect(objectsOn(board, g.canvas).map((o) => o.kind)).toEqual(['frame'])
    expect(objectsOn(board, 'main')).toHaveLength(1) // the source stays as it was

    const annSpaces = spacesFor(state, person('a'))
    expect(isClosedSpace(annSpaces, state.groups[0]!.canvas)).toBe(false)
    expect(isClosedSpace(annSpaces, state.groups[1]!.canvas)).toBe(true)
    expect(isClosedSpace(annSpaces, 'main')).toBe(false)
    expect(isClosedSpace(spacesFor(state, person('z')), state.groups[0]!.canvas)).toBe(true) // in no group
    setVisiting(control, true, fay)
    expect(spacesFor(readGroups(control), person('a'))).toBeNull()

    assignPerson(control, person('b'), ids[2]!, fay)
    assignPerson(control, person('c'), 'no-such-group', fay)
    expect(readGroups(control).members).toEqual({ [person('a')]: ids[0], [person('b')]: ids[2] })
  })

  it('brings every object back inside its group’s named frame, side by side, nothing lost', () => {
    const { control, board } = session()
    splitIntoGroups(
      control,
      board,
      {
        source: 'main',
        sourceName: 'Main',
        names: ['Red', 'Blue'],
        members: [],
        prompt: '',
        minutes: 0,
        choose: false,
      },
      fay,
      0,
    )
    const [red, blue] = readGroups(control).groups
    const notes = {
      red: addObject(
        board,
        { kind: 'sticky', canvas: red!.canvas, x: -500, y: 900, text: 'red far away' },
        fay,
      ),
      red2: addObject(board, { kind: 'sticky', canvas: red!.canvas, x: 100, y: 100, text: 'red near' }, fay),
      blue: addObject(board, { kind: 'sticky', canvas: blue!.canvas, x: 100, y: 100, text: 'blue' }, fay),
    }
    messageAllGroups(control, 'Two minutes', 5, fay)
    const before = objectMaps(board).length
    const report = bringGroupsBack(control, board, 'Report-back', fay, 10)

    const state = readGroups(control)
    expect(state.phase).toBe('back')
    expect(state.report).toBe(report)
    expect(state.message).toBeNull()
    expect(spacesFor(state, person('a'))).toBeNull() // everyone writes everywhere again
    expect(objectMaps(board).length).toBe(before + 2) // two frames added, nothing removed
    const onReport = objectsOn(board, report)
    const frames = onReport.filter(
      (o) => o.kind === 'frame' && (o.props.title === 'Red' || o.props.title === 'Blue'),
    )
    expect(frames.map((f) => (f.kind === 'frame' ? f.props.title : ''))).toEqual(['Red', 'Blue'])
    const [redFrame, blueFrame] = frames as [BoardObject, BoardObject]
    const inside = (frame: BoardObject, id: string) => {
      const o = onReport.find((x) => x.id === id)!
      return contains(boundsOf(frame), boundsOf(o))
    }
    expect(inside(redFrame, notes.red) && inside(redFrame, notes.red2)).toBe(true)
    expect(inside(blueFrame, notes.blue) && !inside(redFrame, notes.blue)).toBe(true)
    // side by side, never overlapping; each frame behind its group's work
    expect(boundsOf(redFrame).x + boundsOf(redFrame).w).toBeLessThan(boundsOf(blueFrame).x)
    for (const o of onReport)
      if (o.id !== redFrame.id && o.id !== blueFrame.id) expect(o.z).toBeGreaterThan(redFrame.z)
    // the group's layout is kept: both red notes moved by the same offset
    const r1 = onReport.find((o) => o.id === notes.red)!
    const r2 = onReport.find((o) => o.id === notes.red2)!
    expect([r2.x - r1.x, r2.y - r1.y]).toEqual([600, -800])
    for (const g of [readGroups(control).groups])
      for (const x of g) expect(objectsOn(board, x.canvas)).toEqual([])
  })
})
