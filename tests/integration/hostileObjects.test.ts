import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { toggleReaction } from '../../shared/ops/contributions'
import { setLocked } from '../../shared/ops/arrange'
import { addObject, deleteObjects, moveObjects, setPlainText, updateProps } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf } from '../../shared/schema/boardDoc'
import { Attacker } from '../helpers/attacker'
import { noteTexts } from '../helpers/board'
import { endpointStatuses, failures } from '../helpers/endpoints'
import { serverDoc } from '../helpers/carriesOn'
import { board, expectHeld, exported, note, ownNote, type Board } from '../helpers/hostile'

/*
 * A hostile participant moves, edits and deletes objects it may not touch (locked ones, others'
 * when contributions are protected), writes things that are not objects into the board, and
 * creates notes in someone else's name. Each update is sent raw, built on the server's document.
 */

const onServer = (b: Board, id: string): Y.Map<unknown> | undefined =>
  objectsOf(serverDoc(b.h, b.s.id)!).get(id)

describe('objects a participant may not touch', () => {
  it('moving, editing or deleting a locked object: refused as locked; a facilitator can', async () => {
    const b = await board('collage') // nothing protected: only the lock refuses
    const ann = await note(b, b.annClient, b.ann.origin, 'locked in place')
    const mine = await ownNote(b, 'Mallory’s own, locked too')
    setLocked(b.fac.doc, [ann, mine], true, b.fay)
    await expect.poll(() => objectsOf(b.attacker.doc).get(mine)?.get('locked')).toBe(true)

    for (const id of [ann, mine]) {
      const attempts: [string, (d: Y.Doc) => void][] = [
        ['move', (d) => moveObjects(d, [{ id, x: 999, y: 999 }], b.mallory.origin)],
        ['delete', (d) => deleteObjects(d, [id], b.mallory.origin)],
        ['edit text', (d) => setPlainText(d, id, 'defaced', b.mallory.origin)],
        ['recolour', (d) => updateProps(d, id, 'sticky', { color: 'pink' }, b.mallory.origin)],
      ]
      for (const [what, change] of attempts)
        expect(await b.attacker.attack(change), `${what} ${id}`).toMatchObject({ code: 'locked', object: id })
      expect(onServer(b, id)?.get('x')).toBe(id === ann ? 10 : 0)
    }
    expect(noteTexts(serverDoc(b.h, b.s.id)!)).toContain('locked in place')
    await expectHeld(b)

    // the facilitator moves one and deletes the other
    moveObjects(b.fac.doc, [{ id: ann, x: 500, y: 500 }], b.fay)
    deleteObjects(b.fac.doc, [mine], b.fay)
    for (const c of [b.annClient, b.benClient]) {
      await expect.poll(() => objectsOf(c.doc).get(ann)?.get('x')).toBe(500)
      await expect.poll(() => objectsOf(c.doc).has(mine)).toBe(false)
    }
  })

  it('deleting or changing others’ objects while contributions are protected: refused; one’s own: taken', async () => {
    const b = await board('sense-making') // protects contributions
    const ann = await note(b, b.annClient, b.ann.origin, 'Ann’s contribution')
    const mine = await ownNote(b, 'Mallory’s contribution')
    const attempts: [string, (d: Y.Doc) => void][] = [
      ['delete', (d) => deleteObjects(d, [ann], b.mallory.origin)],
      ['move', (d) => moveObjects(d, [{ id: ann, x: -50, y: -50 }], b.mallory.origin)],
      ['edit text', (d) => setPlainText(d, ann, 'rewritten', b.mallory.origin)],
      ['recolour', (d) => updateProps(d, ann, 'sticky', { color: 'blue' }, b.mallory.origin)],
      // a removal of her own note cannot carry a removal of Ann's with it
      ['delete both', (d) => deleteObjects(d, [mine, ann], b.mallory.origin)],
    ]
    for (const [what, change] of attempts)
      expect(await b.attacker.attack(change), what).toMatchObject({ code: 'protected', object: ann })
    expect(noteTexts(serverDoc(b.h, b.s.id)!)).toEqual(['Ann’s contribution', 'Mallory’s contribution'])
    await expectHeld(b)

    // her own: moved, edited and deleted
    expect(
      await b.attacker.attack((d) => moveObjects(d, [{ id: mine, x: 40, y: 40 }], b.mallory.origin)),
    ).toBeNull()
    expect(
      await b.attacker.attack((d) => setPlainText(d, mine, 'Mallory, edited', b.mallory.origin)),
    ).toBeNull()
    for (const c of b.honest) await expect.poll(() => noteTexts(c.doc)).toContain('Mallory, edited')
    await expect.poll(() => noteTexts(b.attacker.doc)).toContain('Mallory, edited')
    expect(await b.attacker.attack((d) => deleteObjects(d, [mine], b.mallory.origin))).toBeNull()
    for (const c of b.honest) await expect.poll(() => objectsOf(c.doc).has(mine)).toBe(false)
    expect(objectsOf(b.annClient.doc).has(ann)).toBe(true)
    expect(await exported(b, 'md')).toContain('Ann’s contribution')
  })

  it('creating a note in someone else’s name, or reacting as them: refused as not yours', async () => {
    const b = await board('collage')
    const ann = await note(b, b.annClient, b.ann.origin, 'react to me')
    const forged = await b.attacker.attack(
      (d) =>
        void addObject(d, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'I am Ann' }, b.ann.origin),
    )
    expect(forged).toMatchObject({ code: 'not-yours', field: 'createdBy' })
    const asAnn = await b.attacker.attack((d) => void toggleReaction(d, ann, '👍', b.ann.origin))
    expect(asAnn).toMatchObject({ code: 'not-yours', object: ann })
    // her own reaction is taken; taking back Ben's is not
    toggleReaction(b.benClient.doc, ann, '❤️', b.ben.origin)
    await expect
      .poll(() => (objectsOf(b.attacker.doc).get(ann)?.get('reactions') as Y.Map<unknown>)?.size)
      .toBe(1)
    expect(await b.attacker.attack((d) => void toggleReaction(d, ann, '👍', b.mallory.origin))).toBeNull()
    const takeBack = await b.attacker.attack((d) => void toggleReaction(d, ann, '❤️', b.ben.origin))
    expect(takeBack).toMatchObject({ code: 'not-yours', object: ann })
    // without a token, nobody: a plain id of one's own is fine, a proven person's id is not
    const tokenless = await Attacker.open(b.h.server.ws, b.s.id, b.s.keys.participant)
    const asNobody = createOrigin('u-plain', 'Plain')
    expect(
      await tokenless.attack(
        (d) => void addObject(d, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'plain' }, asNobody),
      ),
    ).toBeNull()
    expect(
      await tokenless.attack(
        (d) =>
          void addObject(d, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'Ann?' }, b.ann.origin),
      ),
    ).toMatchObject({ code: 'not-yours', field: 'createdBy' })
    expect(await tokenless.attack((d) => void toggleReaction(d, ann, '💡', asNobody))).toMatchObject({
      code: 'not-yours',
    })
    tokenless.close()
    expect(noteTexts(serverDoc(b.h, b.s.id)!)).not.toContain('I am Ann')
    expect(noteTexts(serverDoc(b.h, b.s.id)!)).not.toContain('Ann?')
    await expectHeld(b)
    const reactions = objectsOf(b.fac.doc).get(ann)?.get('reactions') as Y.Map<unknown>
    expect([...reactions.keys()].sort()).toEqual(
      [`❤️ ${b.ben.origin.userId}`, `👍 ${b.mallory.origin.userId}`].sort(),
    )
  })

  /*
   * Found by this test and fixed (shared/schema/objectRules.ts, checkNewObject): the facilitators' fields are checked when an
   * existing object changes, not when one is created. A participant creates a note already locked
   * (which then no other participant can move or delete: a note nobody but a facilitator can clear)
   * or already hidden. No honest participant's client writes either: paste writes neither, and a
   * participant can never delete a locked object, so no undo of theirs restores one. Proposed: in
   * checkNewObject, for a writer who is not a facilitator, refuse `locked: true` as
   * { code: 'facilitator-only', field: 'locked' } (hidden may come back through the undo of a
   * participant's removal of their own hidden note, so it needs a decision).
   */
  it('creating a note already locked: refused as facilitator-only', async () => {
    const b = await board('collage')
    const denial = await b.attacker.attack((d) => {
      const id = addObject(
        d,
        { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'unremovable' },
        b.mallory.origin,
      )
      objectsOf(d).get(id)!.set('locked', true)
    })
    expect(denial).toMatchObject({ code: 'facilitator-only', field: 'locked' })
    await expectHeld(b)
  })

  /*
   * Found by this test and fixed (shared/schema/objectRules.ts, checkNewContent → checkReactionShape): reactions inside an
   * object created by the same update are checked for their shape only, not with mayReact. A
   * participant creates a note carrying 👍 from Ann and Ben (their owner ids), and the exports count
   * them. Note the trade-off: the undo of a participant's removal of their own note restores the
   * reactions others gave it. Proposed: check mayReact for reactions in a new object unless the
   * object's id was removed before (Yjs keeps the deleted map entry at that key: a restore).
   */
  it('creating a note that carries reactions in other people’s names: refused as not yours', async () => {
    const b = await board('collage')
    const denial = await b.attacker.attack((d) => {
      const id = addObject(
        d,
        { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'popular' },
        b.mallory.origin,
      )
      const reactions = new Y.Map<unknown>()
      objectsOf(d).get(id)!.set('reactions', reactions)
      for (const who of [b.ann, b.ben]) reactions.set(`👍 ${who.origin.userId}`, true)
    })
    expect(denial).toMatchObject({ code: 'not-yours' })
    await expectHeld(b)
  })

  it('things that are not objects written into the objects map: refused; exports, reveal and templates answer', async () => {
    const b = await board()
    await note(b, b.annClient, b.ann.origin, 'still here')
    const entries: [string, () => unknown][] = [
      ['a plain string', () => 'hello'],
      ['a number', () => 42],
      ['null', () => null],
      ['a list', () => new Y.Array()],
      ['text', () => new Y.Text('boo')],
      ['rich text', () => new Y.XmlFragment()],
      ['an empty map', () => new Y.Map()],
    ]
    for (const [what, value] of entries) {
      const denial = await b.attacker.attack((d) =>
        (objectsOf(d) as Y.Map<unknown>).set(`junk-${what}`, value()),
      )
      expect(denial?.code, what).toBe('invalid')
    }
    expect([...objectsOf(serverDoc(b.h, b.s.id)!).keys()].filter((k) => k.startsWith('junk'))).toEqual([])
    await expectHeld(b, { restart: true })
    expect(failures(await endpointStatuses(b.h.server.http, b.s, b.ann.token))).toEqual({})
  })

  it('many refused updates in a row do not close the attacker, and honest unsent work still arrives', async () => {
    const b = await board('collage')
    const ann = await note(b, b.annClient, b.ann.origin, 'target')
    setLocked(b.fac.doc, [ann], true, b.fay)
    await expect.poll(() => objectsOf(b.attacker.doc).get(ann)?.get('locked')).toBe(true)
    // Ben goes offline and writes; his work waits in his client while Mallory is refused again and again
    b.benClient.provider.disconnect()
    addObject(
      b.benClient.doc,
      { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'written offline' },
      b.ben.origin,
    )
    for (let i = 0; i < 60; i++) {
      const denial = await b.attacker.attack((d) =>
        moveObjects(d, [{ id: ann, x: i, y: i }], b.mallory.origin),
      )
      expect(denial?.code).toBe('locked')
    }
    expect(b.attacker.open).toBe(true)
    b.benClient.provider.connect()
    for (const c of b.honest) await expect.poll(() => noteTexts(c.doc)).toContain('written offline')
    // and Mallory may still write what she may
    await ownNote(b, 'Mallory, still welcome')
    await expectHeld(b)
  })
})
