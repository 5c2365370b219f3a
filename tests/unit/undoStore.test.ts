import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, appendText, deleteObjects } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import { UndoStore } from '../../client/state/undoStore'

/** What a note editor's typing looks like to the document: its own origin, into the note's text. */
const EDITOR = { editor: true }
function type(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const fragment = textOf(doc, id)!
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(text)])
    fragment.insert(fragment.length, [p])
  }, EDITOR)
}

function setUp() {
  const doc = new Y.Doc()
  const me = createOrigin('u1', 'Ada')
  const undo = new UndoStore(doc, me)
  undo.trackOrigin(EDITOR)
  const create = () => {
    undo.stopCapturing()
    const id = addObject(doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0 }, me)
    undo.markCreated(id)
    undo.setEditing(id)
    return id
  }
  return { doc, me, undo, create }
}

describe('UndoStore: new notes and their first typing', () => {
  it('makes a new note and what is first typed into it one step', () => {
    const { doc, undo, create } = setUp()
    const id = create()
    type(doc, id, 'Hello')
    undo.stopCapturing() // a slow typist: later keys are new transactions past the capture time
    type(doc, id, 'again')
    undo.setEditing(null)
    undo.undo()
    expect(objectsOf(doc).has(id)).toBe(false)
    expect(undo.get().canUndo).toBe(false)
    undo.redo()
    expect(textOf(doc, id)!.toString()).toContain('Hello')
  })

  it('what was typed before the editor arrived (written by the person’s own command) joins the new note too', () => {
    const { doc, me, undo, create } = setUp()
    const id = create()
    undo.stopCapturing() // the text box held it a while
    undo.asTyping(() => appendText(doc, id, 'Bring snacks', me))
    undo.setEditing(null)
    undo.undo()
    expect(objectsOf(doc).has(id)).toBe(false)
    expect(undo.get().canUndo).toBe(false)
    // outside it, the person's own commands are steps of their own as ever
    const other = create()
    undo.setEditing(null)
    undo.stopCapturing()
    appendText(doc, other, 'later', me)
    undo.undo()
    expect(objectsOf(doc).has(other)).toBe(true)
  })

  it('keeps later editing of the same note as steps of their own', () => {
    const { doc, undo, create } = setUp()
    const id = create()
    type(doc, id, 'First')
    undo.setEditing(null)
    undo.setEditing(id) // opened again later
    undo.stopCapturing()
    type(doc, id, 'Second')
    undo.undo()
    expect(textOf(doc, id)!.toString()).toContain('First')
    expect(textOf(doc, id)!.toString()).not.toContain('Second')
  })

  it('forgets every step of a note left empty, so Undo takes back what came before it', () => {
    const { doc, me, undo, create } = setUp()
    const kept = create()
    type(doc, kept, 'Kept')
    undo.setEditing(null)
    const empty = create()
    type(doc, empty, 'x')
    undo.setEditing(null)
    let told = 0
    undo.subscribe(() => told++)
    undo.forget(empty)
    deleteObjects(doc, [empty], { ...me }) // discarded outside the history
    expect(told).toBeGreaterThan(0)
    undo.undo()
    expect(objectsOf(doc).has(kept)).toBe(false)
    expect(objectsOf(doc).has(empty)).toBe(false)
    expect(undo.get().canUndo).toBe(false)
  })
})
