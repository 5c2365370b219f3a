import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { MAX_WAIT_MS, NewNoteTracker, SETTLE_MS, announcement } from '../../client/panels/announce'

/** A note's snapshot, as the board reads it. */
function note(id: string, text: string, by = 'u-ben', author = 'Ben'): BoardObject {
  const doc = new Y.Doc()
  addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id, text }, createOrigin(by, author))
  const read = readObject(id, objectsOf(doc).get(id)!)
  if (!read.ok) throw new Error(read.invalid.reason)
  return read.object
}

describe('announcement', () => {
  it('says who added a note and what it says', () => {
    expect(announcement([{ author: 'Ben', text: 'Bring  chairs\n' }])).toEqual([
      'Ben added a note: Bring chairs',
    ])
    expect(announcement([{ author: ' ', text: '' }])).toEqual(['Someone added an empty note'])
  })

  it('cuts long notes short and counts many notes', () => {
    const [said] = announcement([{ author: 'Ben', text: 'x'.repeat(500) }])
    expect(said!.length).toBeLessThan(170)
    expect(said!.endsWith('…')).toBe(true)
    const many = Array.from({ length: 5 }, () => ({ author: 'Ben', text: 'a' }))
    expect(announcement(many)).toEqual(['Ben added 5 notes'])
    expect(announcement([...many, { author: 'Cy', text: 'b' }])).toEqual(['6 notes were added'])
  })
})

describe('NewNoteTracker', () => {
  it('announces others’ notes once their text settles, never the ones already there or my own', () => {
    const tracker = new NewNoteTracker('u-me')
    tracker.reset([note('old', 'Already here')])
    expect(tracker.update([note('old', 'Already here'), note('mine', 'Mine', 'u-me', 'Me')], 0)).toEqual([])
    expect(tracker.nextCheck()).toBeNull()

    const board = [note('old', 'Already here'), note('new', '')]
    expect(tracker.update(board, 1000)).toEqual([])
    board[1] = note('new', 'Bring')
    expect(tracker.update(board, 1200)).toEqual([])
    board[1] = note('new', 'Bring chairs')
    expect(tracker.update(board, 1400)).toEqual([])
    expect(tracker.nextCheck()).toBe(1400 + SETTLE_MS)
    expect(tracker.update(board, 1400 + SETTLE_MS)).toEqual(['Ben added a note: Bring chairs'])
    expect(tracker.update(board, 99_999)).toEqual([])
  })

  it('announces a note left empty after a while, and forgets one deleted before that', () => {
    const tracker = new NewNoteTracker('u-me')
    tracker.reset([])
    tracker.update([note('empty', ''), note('gone', '')], 0)
    expect(tracker.update([note('empty', '')], MAX_WAIT_MS)).toEqual(['Ben added an empty note'])
    expect(tracker.nextCheck()).toBeNull()
  })
})

describe('content notes', () => {
  it('a note behind a content note is announced by its note, never its text', () => {
    const tracker = new NewNoteTracker('u-me')
    tracker.reset([])
    const hidden = { ...note('n', 'What they shouted at us'), contentNote: 'describes racist abuse' }
    expect(tracker.update([hidden], 0)).toEqual([])
    expect(tracker.update([hidden], SETTLE_MS)).toEqual([
      'Ben added a note: Content note: describes racist abuse',
    ])
  })
})
