import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf } from '../../shared/schema/boardDoc'
import { readCanvases, writeCanvas, canvasesOf } from '../../shared/schema/controlDoc'
import { createCanvasCommands } from '../../client/state/canvasCommands'
import { UndoStore } from '../../client/state/undoStore'

function session() {
  const control = new Y.Doc()
  const board = new Y.Doc()
  canvasesOf(control).push([writeCanvas({ id: 'a', name: 'One' }), writeCanvas({ id: 'b', name: 'Two' })])
  return { control, board }
}
const names = (control: Y.Doc) => readCanvases(control).map((c) => c.name)

describe('canvas commands', () => {
  it('let a facilitator add, rename and reorder canvases', () => {
    const { control, board } = session()
    const commands = createCanvasCommands(control, board, createOrigin('f', 'Fran'), true)
    const id = commands.add('Three')
    expect(id).toBeTruthy()
    commands.rename(id!, 'Parking lot')
    commands.move(id!, 0)
    expect(names(control)).toEqual(['Parking lot', 'One', 'Two'])
  })

  it('delete a canvas with its objects, which the facilitator’s undo does not bring back', () => {
    const { control, board } = session()
    const fran = createOrigin('f', 'Fran')
    const undo = new UndoStore(board, fran)
    addObject(board, { kind: 'sticky', canvas: 'a', x: 0, y: 0, id: 'keep' }, fran)
    undo.stopCapturing()
    addObject(board, { kind: 'sticky', canvas: 'b', x: 0, y: 0, id: 'gone' }, fran)
    undo.stopCapturing()
    const commands = createCanvasCommands(control, board, fran, true)
    expect(commands.remove('b')).toBe(true)
    expect(names(control)).toEqual(['One'])
    expect([...objectsOf(board).keys()]).toEqual(['keep'])
    undo.undo()
    expect(objectsOf(board).has('gone')).toBe(false)
    // The last canvas stays.
    expect(commands.remove('a')).toBe(false)
    expect(names(control)).toEqual(['One'])
  })

  it('change nothing for a participant', () => {
    const { control, board } = session()
    addObject(board, { kind: 'sticky', canvas: 'b', x: 0, y: 0 }, createOrigin('p', 'Pat'))
    const commands = createCanvasCommands(control, board, createOrigin('p', 'Pat'), false)
    expect(commands.canManage).toBe(false)
    expect(commands.add('Mine')).toBeNull()
    commands.rename('a', 'Renamed')
    commands.move('b', 0)
    expect(commands.remove('b')).toBe(false)
    expect(names(control)).toEqual(['One', 'Two'])
    expect(objectsOf(board).size).toBe(1)
  })
})
