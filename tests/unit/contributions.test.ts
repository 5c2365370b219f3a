import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addCommitment,
  addStep,
  removeCommitment,
  removeStep,
  setCommitment,
  updateStep,
} from '../../shared/ops/agenda'
import {
  myObjectIds,
  removeMyObjects,
  setConsent,
  setHidden,
  toggleReaction,
} from '../../shared/ops/contributions'
import { setLocked } from '../../shared/ops/arrange'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { GROUP_PADDING, groupIntoFrame } from '../../shared/ops/themes'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { readAgenda, readCommitments } from '../../shared/schema/controlDoc'
import { frameContents } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'

const ann = createOrigin('u-ann', 'Ann')
const bob = createOrigin('u-bob', 'Bob')
const all = (doc: Y.Doc): BoardObject[] =>
  [...objectsOf(doc).entries()].flatMap(([id, m]) => {
    const r = readObject(id, m)
    return r.ok ? [r.object] : []
  })
const get = (doc: Y.Doc, id: string): BoardObject => all(doc).find((o) => o.id === id)!
const note = (doc: Y.Doc, who = ann, x = 0, y = 0) =>
  addObject(doc, { kind: 'sticky', canvas: 'k', x, y }, who)

describe('reactions', () => {
  it('toggles one reaction per person and emoji, counted by people', () => {
    const doc = new Y.Doc()
    const id = note(doc)
    expect(toggleReaction(doc, id, '👍', ann)).toBe(true)
    expect(toggleReaction(doc, id, '👍', bob)).toBe(true)
    expect(toggleReaction(doc, id, '💡', bob)).toBe(true)
    expect(get(doc, id).reactions).toEqual({ '👍': ['u-ann', 'u-bob'], '💡': ['u-bob'] })
    expect(toggleReaction(doc, id, '👍', ann)).toBe(false)
    expect(get(doc, id).reactions).toEqual({ '👍': ['u-bob'], '💡': ['u-bob'] })
  })

  it('refuses unknown emoji and missing objects', () => {
    const doc = new Y.Doc()
    const id = note(doc)
    expect(toggleReaction(doc, id, '💩' as '👍', ann)).toBe(false)
    expect(toggleReaction(doc, 'nope', '👍', ann)).toBe(false)
    expect(get(doc, id).reactions).toEqual({})
  })
})

describe('consent and moderation', () => {
  it('lets only the author withdraw consent', () => {
    const doc = new Y.Doc()
    const mine = note(doc, ann)
    const theirs = note(doc, bob)
    expect(get(doc, mine).consent).toBe(true)
    setConsent(doc, [mine, theirs], false, ann)
    expect(get(doc, mine).consent).toBe(false)
    expect(get(doc, theirs).consent).toBe(true)
    setConsent(doc, [mine], true, ann)
    expect(get(doc, mine).consent).toBe(true)
  })

  it('hides and shows objects', () => {
    const doc = new Y.Doc()
    const id = note(doc, bob)
    setHidden(doc, [id, 'gone'], true, ann)
    expect(get(doc, id).hidden).toBe(true)
    setHidden(doc, [id], false, ann)
    expect(get(doc, id).hidden).toBe(false)
  })

  it('removes everything one person added, and nothing of anyone else, in one undoable step', () => {
    const doc = new Y.Doc()
    const mine = [note(doc, ann), note(doc, ann)]
    const theirs = note(doc, bob)
    const undo = new Y.UndoManager(objectsOf(doc), { trackedOrigins: new Set([ann]) })
    undo.stopCapturing()
    expect(myObjectIds(doc, 'u-ann').sort()).toEqual([...mine].sort())
    expect(removeMyObjects(doc, ann)).toBe(2)
    expect(all(doc).map((o) => o.id)).toEqual([theirs])
    expect(removeMyObjects(doc, ann)).toBe(0)
    undo.undo()
    expect(all(doc)).toHaveLength(3)
  })

  it('leaves what the rules keep: a participant’s note the facilitator locked', () => {
    const doc = new Y.Doc()
    const kept = note(doc, ann)
    const gone = note(doc, ann)
    setLocked(doc, [kept], true, bob)
    const participant = { role: 'participant', self: 'u-ann', protect: true } as const
    expect(myObjectIds(doc, 'u-ann', participant)).toEqual([gone])
    expect(removeMyObjects(doc, ann, participant)).toBe(1)
    expect(all(doc).map((o) => o.id)).toEqual([kept])
    expect(removeMyObjects(doc, ann, { ...participant, role: 'facilitator' })).toBe(1)
  })
})

describe('themes', () => {
  it('groups notes into a named frame around them, behind them, which holds them', () => {
    const doc = new Y.Doc()
    const a = note(doc, ann, 100, 100)
    const b = note(doc, bob, 400, 300)
    const frame = groupIntoFrame(doc, [a, b], ' Housing ', ann)!
    const f = get(doc, frame)
    expect(f.kind).toBe('frame')
    expect(f.kind === 'frame' && f.props.title).toBe('Housing')
    expect({ x: f.x, y: f.y }).toEqual({ x: 100 - GROUP_PADDING, y: 100 - GROUP_PADDING })
    expect(f.kind === 'frame' && f.props.w).toBe(300 + 200 + GROUP_PADDING * 2)
    expect(f.z).toBeLessThan(Math.min(get(doc, a).z, get(doc, b).z))
    expect(
      frameContents(f, all(doc))
        .map((o) => o.id)
        .sort(),
    ).toEqual([a, b].sort())
  })

  it('names an untitled theme, and groups nothing when nothing is given', () => {
    const doc = new Y.Doc()
    const a = note(doc)
    const f = get(doc, groupIntoFrame(doc, [a], '  ', ann)!)
    expect(f.kind === 'frame' && f.props.title).toBe('Theme')
    expect(groupIntoFrame(doc, ['missing'], 'X', ann)).toBeNull()
  })
})

describe('commitments and agenda', () => {
  it('edits, adds and removes commitments', () => {
    const doc = new Y.Doc()
    addCommitment(doc, 'One', ann)
    addCommitment(doc, 'Two', ann)
    setCommitment(doc, 1, 'Deux', ann)
    setCommitment(doc, 5, 'nothing', ann)
    expect(readCommitments(doc)).toEqual(['One', 'Deux'])
    removeCommitment(doc, 0, ann)
    expect(readCommitments(doc)).toEqual(['Deux'])
  })

  it('adds, edits and removes steps, refusing bad minutes', () => {
    const doc = new Y.Doc()
    const id = addStep(doc, 'Check in', ann)
    updateStep(doc, id, { prompt: 'How are you?', minutes: 7, mode: 'private' }, ann)
    updateStep(doc, id, { minutes: -3 }, ann)
    expect(readAgenda(doc)).toMatchObject([
      { id, title: 'Check in', prompt: 'How are you?', minutes: 7, mode: 'private' },
    ])
    removeStep(doc, id, ann)
    expect(readAgenda(doc)).toEqual([])
  })
})
