import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { objectsOf, textOf } from '../../shared/schema/boardDoc'
import { serverDoc } from '../helpers/carriesOn'
import { board, note, ownNote } from '../helpers/hostile'

/*
 * Red team (issue #14), against a real server: a struct the server already has in part is
 * integrated by Yjs next to the server's copy of its first clocks, wherever that is — not where the
 * struct's own origin (which the relay checks) says.
 */

/** The text of a note's first paragraph. */
const para = (doc: Y.Doc, id: string): Y.XmlText =>
  (textOf(doc, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText

describe('red team: a struct the server has in part', () => {
  it('cannot write into a note locked since the sender last typed in it', async () => {
    // a board that does not protect contributions: Mallory may type in Ann's note until it is locked
    const b = await board('collage')
    const annNote = await note(b, b.annClient, b.ann.origin, 'Ann')
    const malNote = await ownNote(b, 'Mal')
    const mallory = 0x5eed
    const beforeEdit = Y.encodeStateAsUpdate(b.attacker.doc)
    const typed = b.attacker.craft((d) => para(d, annNote).insert(3, '!'), mallory)
    expect(await b.attacker.attempt(typed), 'one letter in an unlocked note').toBeNull()
    // the facilitator locks Ann's note
    objectsOf(b.fac.doc).get(annNote)!.set('locked', true)
    await expect.poll(() => objectsOf(b.attacker.doc).get(annNote)?.get('locked')).toBe(true)
    await expect.poll(() => para(b.attacker.doc, annNote).toString()).toBe('Ann!')

    // Found by the red team, now fixed: Mallory writes again from the state before her letter, under the same client id, so
    // her new item starts at the clock of that letter and runs past it ("!PWNED" at clocks 0–5),
    // with its origin in her own note. The relay's check (updateChanges → objectRules) places the
    // item by its origin: her own note, allowed. Yjs integrates the struct with offset 1: its left
    // is the server's item at clock 0 — her "!" in Ann's note — so "PWNED" is linked into Ann's
    // locked note, on the server and (relayed as is) at every honest client.
    // Expected: refused (locked, or invalid), Ann's note still "Ann!". Got: taken, "Ann!PWNED".
    const replay = new Y.Doc()
    Y.applyUpdate(replay, beforeEdit)
    replay.clientID = mallory
    const sv = Y.encodeStateVector(replay)
    replay.transact(() => para(replay, malNote).insert(3, '!PWNED'))
    const denial = await b.attacker.attempt(Y.encodeStateAsUpdate(replay, sv))
    await b.h.server.app.relay.flushed()
    expect({
      refused: denial !== null,
      server: para(serverDoc(b.h, b.s.id)!, annNote).toString(),
      ann: para(b.annClient.doc, annNote).toString(),
    }).toEqual({ refused: true, server: 'Ann!', ann: 'Ann!' })
  })
})
