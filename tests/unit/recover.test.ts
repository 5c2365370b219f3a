import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setLocked } from '../../shared/ops/arrange'
import { setConsent, toggleReaction } from '../../shared/ops/contributions'
import { addObject, deleteObjects, moveObjects, setPlainText, updateProps } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { changedThings, kindsNow } from '../../shared/schema/changes'
import { objectsOf, readObject, textOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { parseRefusal, replayOwnWork } from '../../client/sync/recover'

const ME = 'A'.repeat(43)
const OTHER = 'B'.repeat(43)
const me = createOrigin(ME, 'Ann')
const other = createOrigin(OTHER, 'Bob')
const facilitator = createOrigin('f-1', 'Fay')

const read = (doc: Y.Doc, id: string): BoardObject | null => {
  const map = objectsOf(doc).get(id)
  if (!map) return null
  const r = readObject(id, map)
  return r.ok ? r.object : null
}
const note = (doc: Y.Doc, who = me, x = 0) => addObject(doc, { kind: 'sticky', canvas: 'k', x, y: 0 }, who)

/** A client synced from the server's document, recording what its own changes touched (as unsent.ts does). */
function clientOf(server: Y.Doc) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  const known = kindsNow(doc)
  const keys = new Set<string>()
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === 'server') return
    for (const thing of changedThings(tr, known)) keys.add(thing.key)
  })
  return { doc, keys }
}

/** A fresh document, as a new connection gets it from the server. */
const freshFrom = (server: Y.Doc): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return doc
}

describe('replaying unsent work after a refusal', () => {
  it('keeps everything but the refused object: new notes, text, moves, deletions, reactions', () => {
    const server = new Y.Doc()
    const locked = note(server, other, 10)
    const own = note(server, me, 20)
    const gone = note(server, me, 30)
    const theirs = note(server, other, 40)
    const client = clientOf(server)
    // the facilitator locks a note on the server; this client has not heard yet and moves it
    setLocked(server, [locked], true, facilitator)
    moveObjects(client.doc, [{ id: locked, x: 500, y: 500 }], me)
    // then goes on working: all of it depends on the refused move
    const added = addObject(client.doc, { kind: 'sticky', canvas: 'k', x: 100, y: 100, text: 'after' }, me)
    updateProps(client.doc, added, 'sticky', { color: 'pink' }, me)
    setPlainText(client.doc, own, 'edited', me)
    moveObjects(client.doc, [{ id: own, x: 70, y: 80 }], me)
    deleteObjects(client.doc, [gone], me)
    toggleReaction(client.doc, theirs, '👍', me)
    setConsent(client.doc, [own], false, me)

    const fresh = freshFrom(server)
    const changed = replayOwnWork(client.doc, fresh, client.keys, { skip: locked, self: ME, origin: 'r' })

    expect(changed).toBe(4)
    expect(read(fresh, locked)).toMatchObject({ x: 10, locked: true }) // where the server has it
    expect(read(fresh, added)).toMatchObject({ text: 'after', createdBy: ME, props: { color: 'pink' } })
    expect(read(fresh, own)).toMatchObject({ text: 'edited', x: 70, y: 80, consent: false })
    expect(read(fresh, gone)).toBeNull()
    expect(read(fresh, theirs)?.reactions['👍']).toEqual([ME])
  })

  it('does not bring back someone else’s object removed meanwhile, nor touch others’ reactions', () => {
    const server = new Y.Doc()
    const theirs = note(server, other)
    toggleReaction(server, theirs, '❤️', other)
    const client = clientOf(server)
    moveObjects(client.doc, [{ id: theirs, x: 9, y: 9 }], me)
    toggleReaction(client.doc, theirs, '💡', me)
    const fresh = freshFrom(server)
    deleteObjects(fresh, [theirs], other)
    expect(replayOwnWork(client.doc, fresh, client.keys, { self: ME, origin: 'r' })).toBe(0)
    expect(read(fresh, theirs)).toBeNull()
  })

  it('carries rich text across whole, and leaves what did not change alone', () => {
    const server = new Y.Doc()
    const own = note(server, me)
    const client = clientOf(server)
    const text = textOf(client.doc, own)!
    client.doc.transact(() => {
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      t.insert(0, 'bold', { bold: true })
      p.insert(0, [t])
      text.insert(text.length, [p])
    }, me)
    const fresh = freshFrom(server)
    replayOwnWork(client.doc, fresh, client.keys, { self: ME, origin: 'r' })
    expect(textOf(fresh, own)!.toJSON()).toBe(text.toJSON())
    const updates: Uint8Array[] = []
    fresh.on('update', (u: Uint8Array) => updates.push(u))
    expect(replayOwnWork(client.doc, fresh, client.keys, { self: ME, origin: 'r' })).toBe(0)
    expect(updates).toHaveLength(0)
  })

  it('copies a plain setting entry (a vote) and its removal', () => {
    const server = new Y.Doc()
    server.getMap('votes').set('n1', 2)
    const client = clientOf(server)
    client.doc.transact(() => {
      client.doc.getMap('votes').set('n2', 1)
      client.doc.getMap('votes').delete('n1')
    }, me)
    const fresh = freshFrom(server)
    replayOwnWork(client.doc, fresh, client.keys, { self: ME, origin: 'r' })
    expect(fresh.getMap('votes').toJSON()).toEqual({ n2: 1 })
  })
})

describe('reading a refusal', () => {
  it('reads the relay’s JSON, and treats anything else as a refusal it cannot name', () => {
    expect(parseRefusal('{"code":"locked","object":"n1","field":"x","spans":{"7":[3,5]}}')).toEqual({
      code: 'locked',
      object: 'n1',
      field: 'x',
      spans: { '7': [3, 5] },
    })
    expect(parseRefusal('nope').code).toBe('invalid')
    expect(parseRefusal('{"code":"weird"}').code).toBe('invalid')
  })
})
