import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bringToFront } from '../../shared/ops/arrange'
import { addObject, deleteObjects, moveObjects, setPlainText, updateProps } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf } from '../../shared/schema/boardDoc'
import { ObjectIndex } from '../../client/state/objectIndex'

const who = createOrigin('u1', 'Ada')

/** What a full rebuild of the index would show for a canvas: the reference the patched list must equal. */
const fresh = (doc: Y.Doc, canvas: string) => {
  const index = new ObjectIndex(doc)
  const view = index.canvas(canvas)
  index.dispose()
  return view
}

function board() {
  const doc = new Y.Doc()
  const ids = Array.from({ length: 6 }, (_, i) =>
    addObject(doc, { kind: 'sticky', canvas: i % 2 ? 'b' : 'a', x: i * 10, y: 0, text: `n${i}` }, who),
  )
  return { doc, ids, index: new ObjectIndex(doc) }
}

describe('ObjectIndex keeps each canvas list equal to a rebuild, patching edits in place', () => {
  it('a text edit or a move replaces one object and keeps the others identical', () => {
    const { doc, ids, index } = board()
    const first = index.canvas('a')
    setPlainText(doc, ids[0]!, 'edited', who)
    const second = index.canvas('a')
    expect(second).not.toBe(first)
    expect(second).toEqual(fresh(doc, 'a'))
    expect(second.objects.filter((o, i) => o !== first.objects[i]).map((o) => o.id)).toEqual([ids[0]])
    moveObjects(doc, [{ id: ids[2]!, x: 500, y: 500 }], who)
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    // an edit on another canvas leaves this one's list as it was
    const before = index.canvas('a')
    setPlainText(doc, ids[1]!, 'on b', who)
    expect(index.canvas('a').objects).toEqual(before.objects)
    expect(index.canvas('b')).toEqual(fresh(doc, 'b'))
  })

  it('adding, removing, reordering and moving between canvases rebuild the list in paint order', () => {
    const { doc, ids, index } = board()
    index.canvas('a')
    index.canvas('b')
    addObject(doc, { kind: 'sticky', canvas: 'a', x: 1, y: 1, text: 'new' }, who)
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    bringToFront(doc, [ids[0]!], who)
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    expect(index.canvas('a').objects.at(-1)?.id).toBe(ids[0])
    deleteObjects(doc, [ids[2]!], who)
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    doc.transact(() => objectsOf(doc).get(ids[4]!)!.set('canvas', 'b'))
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    expect(index.canvas('b')).toEqual(fresh(doc, 'b'))
    // an entry that turns unreadable leaves the valid list and shows as invalid
    doc.transact(() => objectsOf(doc).get(ids[0]!)!.set('x', 'not a number'))
    expect(index.canvas('a')).toEqual(fresh(doc, 'a'))
    expect(index.canvas('a').invalid.map((i) => i.id)).toEqual([ids[0]])
  })
})

describe('ObjectIndex says what a change was, and tells each object its own changes', () => {
  /** Another person's tab: changes made there reach this document as remote updates. */
  function twoTabs() {
    const { doc, ids, index } = board()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    other.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'))
    return { doc, other, ids, index }
  }

  it('typing into notes already there is text only; anything else is not', () => {
    const { other, ids, index } = twoTabs()
    setPlainText(other, ids[0]!, 'typed by someone else', who)
    expect(index.lastChangeLocal).toBe(false)
    expect(index.lastChangeTextOnly).toBe(true)
    expect([...index.lastChangedIds]).toEqual([ids[0]])
    moveObjects(other, [{ id: ids[0]!, x: 40, y: 40 }], who)
    expect(index.lastChangeTextOnly).toBe(false)
    updateProps(other, ids[0]!, 'sticky', { color: 'pink' }, who)
    expect(index.lastChangeTextOnly).toBe(false)
    addObject(other, { kind: 'sticky', canvas: 'a', x: 0, y: 0, text: 'a new note with words' }, who)
    expect(index.lastChangeTextOnly).toBe(false)
    // text and a move in one transaction: not text only
    other.transact(() => {
      setPlainText(other, ids[2]!, 'moved and typed', who)
      moveObjects(other, [{ id: ids[2]!, x: 90, y: 90 }], who)
    })
    expect(index.lastChangeTextOnly).toBe(false)
    deleteObjects(other, [ids[4]!], who)
    expect(index.lastChangeTextOnly).toBe(false)
  })

  it("an object's listeners hear its changes and no other object's", () => {
    const { other, ids, index } = twoTabs()
    const heard: string[] = []
    const stop = index.subscribeObject(ids[0]!, () => heard.push(index.get(ids[0]!)!.ok ? 'n0' : '?'))
    setPlainText(other, ids[2]!, 'another note', who)
    expect(heard).toEqual([])
    setPlainText(other, ids[0]!, 'this note', who)
    moveObjects(other, [{ id: ids[0]!, x: 5, y: 5 }], who)
    expect(heard).toEqual(['n0', 'n0'])
    stop()
    setPlainText(other, ids[0]!, 'after unsubscribing', who)
    expect(heard).toHaveLength(2)
  })
})
