import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import type { Writer } from '../../shared/schema/rules'
import { permissionsFor } from '../../client/state/permissions'

const ANN = 'A'.repeat(43)
const BOB = 'B'.repeat(43)

function note(createdBy: string, locked = false, kind: 'sticky' | 'recipe' = 'sticky'): BoardObject {
  const doc = new Y.Doc()
  const id = addObject(doc, { kind, canvas: 'k', x: 0, y: 0 }, createOrigin(createdBy, 'x'))
  if (locked) objectsOf(doc).get(id)!.set('locked', true)
  const read = readObject(id, objectsOf(doc).get(id)!)
  if (!read.ok) throw new Error('unreadable')
  return read.object
}

const participant = (protect: boolean): Writer => ({ role: 'participant', self: ANN, protect })

describe('what the interface offers, read from the board’s rules', () => {
  it('a participant: their own and others’ notes while open; a locked one only to react to', () => {
    const may = permissionsFor(participant(false))
    expect(may.edit(note(BOB))).toBe(true)
    expect(may.delete(note(BOB))).toBe(true)
    expect(may.edit(note(ANN, true))).toBe(false)
    expect(may.delete(note(ANN, true))).toBe(false)
    expect(may.react(note(ANN, true))).toBe(true)
    expect(may.author(note(ANN, true))).toBe(true) // consent is theirs, locked or not
    expect(may.moderate(note(ANN))).toBe(false)
  })

  it('protected contributions: only their own to change; consent and credits only the author’s', () => {
    const may = permissionsFor(participant(true))
    expect(may.edit(note(ANN))).toBe(true)
    expect(may.edit(note(BOB))).toBe(false)
    expect(may.delete(note(BOB))).toBe(false)
    expect(may.react(note(BOB))).toBe(true)
    expect(may.author(note(BOB))).toBe(false)
    expect(may.author(note(BOB, false, 'recipe'), 'credits')).toBe(false)
    expect(may.author(note(ANN, false, 'recipe'), 'credits')).toBe(true)
  })

  it('a facilitator changes, locks and hides anything, but gives no one else’s consent', () => {
    const may = permissionsFor({ role: 'facilitator', self: ANN, protect: true })
    expect(may.edit(note(BOB, true))).toBe(true)
    expect(may.delete(note(BOB, true))).toBe(true)
    expect(may.moderate(note(BOB))).toBe(true)
    expect(may.author(note(BOB))).toBe(false)
  })

  it('a content note: its author or a facilitator only, even on an open board', () => {
    const open = permissionsFor(participant(false))
    expect(open.edit(note(BOB))).toBe(true)
    expect(open.contentNote(note(BOB))).toBe(false)
    expect(open.contentNote(note(ANN))).toBe(true)
    expect(open.contentNote(note(ANN, true))).toBe(true)
    expect(permissionsFor({ role: 'facilitator', self: ANN, protect: true }).contentNote(note(BOB))).toBe(
      true,
    )
    expect(permissionsFor({ role: 'viewer', self: ANN, protect: false }).contentNote(note(ANN))).toBe(false)
  })

  it('a viewer, or a board the facilitator locked, allows nothing', () => {
    for (const may of [
      permissionsFor({ role: 'viewer', self: ANN, protect: false }),
      permissionsFor(participant(false), true),
    ]) {
      expect(may.edit(note(ANN))).toBe(false)
      expect(may.react(note(ANN))).toBe(false)
      expect(may.author(note(ANN))).toBe(false)
    }
  })
})
