import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { transferAllObjects } from '../../shared/ops/transfer'
import { ObjectIndex } from '../../client/state/objectIndex'
import { withPrivateNotes } from '../../client/facilitation/usePrivateLayer'

const pia = createOrigin('u-pia', 'Pia')

describe('the board and my private notes in one list', () => {
  it('a revealed note that has reached the board before leaving my private room is listed once', () => {
    const board = new Y.Doc()
    const mine = new Y.Doc()
    addObject(board, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'on the board' }, pia)
    const secret = addObject(mine, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'a quiet corner' }, pia)
    const boardIndex = new ObjectIndex(board)
    const myIndex = new ObjectIndex(mine)
    const onBoard = (id: string) => boardIndex.get(id) !== undefined

    // before Reveal: both
    const before = withPrivateNotes(boardIndex.canvas('c').objects, myIndex.canvas('c').objects, onBoard)
    expect(before.map((o) => o.text)).toEqual(['on the board', 'a quiet corner'])

    // Reveal has written the note on the board (a copy of the board's doc), but this page has not yet
    // heard that the private room let go of it
    const revealed = new Y.Doc()
    Y.applyUpdate(revealed, Y.encodeStateAsUpdate(board))
    const privateCopy = new Y.Doc()
    Y.applyUpdate(privateCopy, Y.encodeStateAsUpdate(mine))
    transferAllObjects(privateCopy, revealed, 'server')
    Y.applyUpdate(board, Y.encodeStateAsUpdate(revealed))
    const during = withPrivateNotes(boardIndex.canvas('c').objects, myIndex.canvas('c').objects, onBoard)
    expect(during.filter((o) => o.id === secret)).toHaveLength(1)
    expect(during.length).toBe(2)

    // with nothing private, the board's own list (its identity keeps unchanged notes from redrawing)
    const boardOnly = boardIndex.canvas('c').objects
    expect(withPrivateNotes(boardOnly, [], onBoard)).toBe(boardOnly)
  })
})
