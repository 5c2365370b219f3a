import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import type { Writer } from '../../shared/schema/rules'
import { encodeUpdate, item } from '../helpers/redteamStructs'

/*
 * Red team (issue #14): updates crafted with Yjs internals in mind, checked by the rules as the
 * relay checks them, then applied as the relay applies them.
 */

const ann = createOrigin('a'.repeat(43), 'Ann')
const mal = createOrigin('m'.repeat(43), 'Mallory')
const malWrites: Writer = { role: 'participant', self: 'm'.repeat(43), protect: false }
const annWrites: Writer = { role: 'participant', self: 'a'.repeat(43), protect: false }
const facWrites: Writer = { role: 'facilitator', self: 'fac', protect: false }

/** The paragraph text of a note (its first paragraph's XmlText). */
const para = (doc: Y.Doc, id: string): Y.XmlText =>
  (textOf(doc, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText

/** A server document and a way to make updates on a copy of it (or of an earlier state of it). */
function room() {
  const server = new Y.Doc()
  const fork = (clientId: number, from: Uint8Array = Y.encodeStateAsUpdate(server)) => {
    const d = new Y.Doc()
    Y.applyUpdate(d, from)
    d.clientID = clientId
    return d
  }
  /** Runs `fn` on `doc`, returns its update; checks it as `writer` and applies it to the server if taken. */
  const send = (doc: Y.Doc, writer: Writer, fn: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(doc)
    doc.transact(() => fn(doc))
    const update = Y.encodeStateAsUpdate(doc, before)
    const refusal = checkRoomUpdate('board', server, update, writer)
    if (!refusal) Y.applyUpdate(server, update)
    return refusal
  }
  return { server, fork, send }
}

describe('red team: structs the server already has in part', () => {
  it('an item overlapping the sender’s last item lands where that item is, not where its origin says', () => {
    const t = room()
    const setup = t.fork(1)
    expect(
      t.send(setup, annWrites, (d) => {
        addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'ann-note', text: 'Ann' }, ann)
      }),
    ).toBeNull()
    const mallory = 777
    expect(
      t.send(t.fork(mallory), malWrites, (d) => {
        addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'mal-note', text: 'Mal' }, mal)
      }),
    ).toBeNull()
    // the state before Mallory's last edit: she will write "again" from there
    const beforeEdit = Y.encodeStateAsUpdate(t.server)
    // Mallory types one letter in Ann's note, honestly (the board allows it: nothing is locked yet)
    expect(t.send(t.fork(mallory), malWrites, (d) => para(d, 'ann-note').insert(3, '!'))).toBeNull()
    // the facilitator locks Ann's note
    expect(t.send(t.fork(2), facWrites, (d) => objectsOf(d).get('ann-note')!.set('locked', true))).toBeNull()
    expect(para(t.server, 'ann-note').toString()).toBe('Ann!')

    // Found by the red team, now fixed: Mallory sends one item under her client id starting at the clock of her last letter
    // (which the server has, in Ann's now locked note) and one clock past it, with its origin in her
    // own note. updateChanges locates the item by its origin (her own note: allowed), but Yjs
    // integrates a struct the document has in part with `offset > 0`: its left becomes the
    // document's item at the clock before (her "!" in Ann's note), so "PWNED" is linked into Ann's
    // locked note's text. Expected: refused (code 'locked' or 'invalid'); got: taken, and the
    // locked note reads "Ann!PWNED".
    const replay = t.fork(mallory, beforeEdit)
    const refusal = t.send(replay, malWrites, (d) => para(d, 'mal-note').insert(3, '!PWNED'))
    const locked = para(t.server, 'ann-note').toString()
    expect({ refusal: refusal?.code ?? null, locked }).toEqual({
      refusal: expect.stringMatching(/locked|invalid/),
      locked: 'Ann!',
    })
  })
})

describe('red team: map entries that lose', () => {
  it('a new value placed left of the current one (so Yjs deletes it) lets the delete set remove a required field', () => {
    const t = room()
    expect(
      t.send(t.fork(1), annWrites, (d) => {
        addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'ann-note', text: 'Ann' }, ann)
      }),
    ).toBeNull()
    const current = (objectsOf(t.server).get('ann-note') as Y.Map<unknown>)._map.get('x')!
    // Found by the red team, now fixed: one item with a valid x (42) whose right origin is the current x item (so Yjs puts it
    // to the left of the current value, where a map entry is deleted on integration), and a delete
    // set removing the current x item. objectRules counts the new x as "written" and so lets the
    // deletion of the old value through as part of a write; but the new value is dead on arrival,
    // so the note loses its required `x`. Expected: refused ('invalid': a required field); got:
    // taken, and the note has no x (it no longer reads as an object).
    const update = encodeUpdate(
      [
        {
          client: 777,
          structs: [item(Y.createID(777, 0), new Y.ContentAny([42]), { rightOrigin: current.id })],
        },
      ],
      [[current.id.client, current.id.clock, 1]],
    )
    const refusal = checkRoomUpdate('board', t.server, update, malWrites)
    if (!refusal) Y.applyUpdate(t.server, update)
    expect({ refusal: refusal?.code ?? null, x: objectsOf(t.server).get('ann-note')!.get('x') }).toEqual({
      refusal: 'invalid',
      x: 0,
    })
  })
})
