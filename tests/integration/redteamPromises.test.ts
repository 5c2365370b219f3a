import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject, setPlainText } from '../../shared/ops/objects'
import { createOrigin, type Origin } from '../../shared/ops/origin'
import { setConsent, setHidden } from '../../shared/ops/contributions'
import { setAnonymous, startVoting } from '../../shared/ops/session'
import { privateRoom } from '../../shared/rooms'
import { objectsOf } from '../../shared/schema/boardDoc'
import { myVotesOf, readFacilitation } from '../../shared/schema/facilitation'
import { Attacker } from '../helpers/attacker'
import { noteTexts } from '../helpers/board'
import { serverDoc } from '../helpers/carriesOn'
import { board, exported, expectHeld, note, person, type Board } from '../helpers/hostile'

/*
 * The board's promises against a participant who writes raw updates with her own token (found by a
 * red-team pass): credits cannot be forged, a new object cannot carry a value the check never saw,
 * votes are given only while voting is open and within the budget, and ids named after
 * Object.prototype's machinery never reach an export.
 */

const onServer = (b: Board, id: string): Y.Map<unknown> | undefined =>
  objectsOf(serverDoc(b.h, b.s.id)!).get(id)

describe('credit and authorship', () => {
  it('a note made under another id or credited to another name is refused; so Remove with hide finds all of hers', async () => {
    const b = await board('collage')
    const annId = b.ann.origin.userId
    const attempts: [string, string, string, string][] = [
      ['ann-credited', b.mallory.origin.userId, 'Ann Author', 'author'],
      ['no-owner', '', 'Mallory', 'createdBy'],
      ['made-up-owner', 'not-a-person', 'Mallory', 'createdBy'],
      ['ann-owned', annId, 'Ann Author', 'createdBy'],
    ]
    for (const [id, createdBy, author, field] of attempts) {
      const denial = await b.attacker.attack(
        (d) =>
          void addObject(
            d,
            { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: `FORGED ${id}`, id },
            createOrigin(createdBy, author),
          ),
      )
      expect(denial, id).toMatchObject({ code: 'not-yours', field })
      expect(onServer(b, id), id).toBeUndefined()
    }
    await expectHeld(b)
    const md = await exported(b, 'md')
    expect(md).not.toContain('FORGED')
    // her own, in her own name: taken, and found by a facilitator's removal with hide
    expect(
      await b.attacker.attack(
        (d) =>
          void addObject(
            d,
            { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'hers', id: 'hers' },
            b.mallory.origin,
          ),
      ),
    ).toBeNull()
    const res = await fetch(
      `${b.h.server.http}/api/sessions/${b.s.id}/people/${b.mallory.origin.userId}/remove?key=${b.s.keys.facilitator}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hide: true }),
      },
    )
    expect(res.status).toBe(200)
    await expect.poll(() => onServer(b, 'hers')?.get('hidden')).toBe(true)
  })

  it('a new object whose field two client ids race to write is refused whole (Yjs keeps one the check did not see)', async () => {
    const b = await board('collage')
    const annId = b.ann.origin.userId
    const race = (id: string, field: string, real: unknown, decoy: unknown) => {
      const base = new Y.Doc()
      Y.applyUpdate(base, Y.encodeStateAsUpdate(b.attacker.doc))
      const sv = Y.encodeStateVector(base)
      const hi = new Y.Doc()
      hi.clientID = 2_000_000_001 + id.length
      Y.applyUpdate(hi, Y.encodeStateAsUpdate(base))
      hi.transact(
        () => void addObject(hi, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, id }, b.mallory.origin),
      )
      const lo = new Y.Doc()
      lo.clientID = 1_000_000_001 + id.length
      Y.applyUpdate(lo, Y.encodeStateAsUpdate(hi))
      lo.transact(() => setPlainText(lo, id, `RACED ${'x'.repeat(60)}`, b.mallory.origin))
      lo.transact(() => objectsOf(lo).get(id)!.set(field, decoy))
      hi.transact(() => objectsOf(hi).get(id)!.set(field, real))
      const update = Y.mergeUpdates([Y.encodeStateAsUpdate(hi, sv), Y.encodeStateAsUpdate(lo, sv)])
      return { update, clientId: hi.clientID, decoyClient: lo.clientID }
    }
    const attempts: [string, string, unknown, unknown][] = [
      ['forged', 'createdBy', annId, b.mallory.origin.userId],
      ['born-locked', 'locked', true, false],
      ['born-hidden', 'hidden', true, false],
      ['bad-x', 'x', Number.NaN, 5],
      ['bad-colour', 'color', { nested: [1, 2] }, 'yellow'],
    ]
    for (const [id, field, real, decoy] of attempts) {
      const crafted = race(id, field, real, decoy)
      const merged = new Y.Doc()
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(b.attacker.doc))
      Y.applyUpdate(merged, crafted.update)
      expect(objectsOf(merged).get(id)!.get(field), `${id}: Yjs keeps the raced value`).toEqual(real)
      expect(await b.attacker.attempt(crafted), id).toMatchObject({ code: 'invalid', object: id, field })
      expect(onServer(b, id), id).toBeUndefined()
      b.attacker.refusedIds.add(crafted.decoyClient) // checked for everywhere below, as the other
    }
    await expectHeld(b, { restart: true })
    expect(await exported(b, 'md')).not.toContain('RACED')
  })
})

describe('dot voting', () => {
  it('votes are given only while voting is open and within the budget; votes written before never count', async () => {
    const b = await board('collage')
    const n1 = await note(b, b.annClient, b.ann.origin, 'first idea')
    const n2 = await note(b, b.annClient, b.ann.origin, 'second idea')
    const room = privateRoom(b.s.id, b.mallory.origin.userId)
    const mine = await Attacker.open(b.h.server.ws, room, b.s.keys.participant, b.mallory.token)
    try {
      const give = (id: string, n: number) => mine.attack((d) => myVotesOf(d).set(id, n))
      // voting has not begun: a stockpile for later is refused
      expect(await give(n2, 50)).toMatchObject({ code: 'not-allowed', field: 'votes' })
      expect(await give(n2, 1)).toMatchObject({ code: 'not-allowed', field: 'votes' })

      startVoting(b.facControl.doc, 3, b.fay)
      await expect.poll(() => readFacilitation(b.facControl.doc).mode).toBe('voting')
      await expect.poll(async () => give(n1, 4)).toMatchObject({ code: 'not-allowed', field: 'votes' })
      expect(await give(n1, 2)).toBeNull()
      expect(await give(n2, 2)).toMatchObject({ code: 'not-allowed', field: 'votes' }) // 4 in all
      expect(await give(n2, 1)).toBeNull()

      const end = await fetch(
        `${b.h.server.http}/api/sessions/${b.s.id}/voting/end?key=${b.s.keys.facilitator}`,
        { method: 'POST' },
      )
      expect(await end.json()).toEqual({ results: { [n1]: 2, [n2]: 1 } })
      // voting over: nothing carried into the next round
      await expect.poll(() => readFacilitation(b.facControl.doc).mode).toBe('free')
      expect(await give(n2, 3)).toMatchObject({ code: 'not-allowed', field: 'votes' })
      expect(myVotesOf(serverDoc(b.h, room)!).size).toBe(0)
      expect(mine.open).toBe(true)
    } finally {
      mine.close()
    }
  })
})

describe('keys named after Object.prototype', () => {
  it('objects and votes at ids such as __proto__ or valueOf are refused; exports read votes as numbers', async () => {
    const b = await board('collage')
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'toString']) {
      const denial = await b.attacker.attack(
        (d) =>
          void addObject(
            d,
            { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: `PROTO ${id}`, id },
            b.mallory.origin,
          ),
      )
      expect(denial, id).toMatchObject({ code: 'invalid', object: id })
      // and a field of that name on an existing object: refused as no field, the connection kept
      const own = await note(b, b.annClient, b.ann.origin, `field ${id}`)
      expect(await b.attacker.attack((d) => objectsOf(d).get(own)!.set(id, 1)), id).toMatchObject({
        code: 'unknown-field',
      })
    }
    await expectHeld(b)
    const board2 = serverDoc(b.h, b.s.id)!
    expect(noteTexts(board2).some((t) => t.startsWith('PROTO'))).toBe(false)
    const csv = await exported(b, 'csv')
    expect(csv).not.toContain('[object Object]')
    expect(csv).not.toContain('native code')
  })
})

describe('every export honours consent, hiding and anonymity: JSON too', () => {
  it('a withheld or hidden note is not in the JSON export; in an anonymous session no name is', async () => {
    const b = await board('collage')
    const withheld = await note(b, b.annClient, b.ann.origin, 'WITHHELD words')
    setConsent(b.annClient.doc, [withheld], false, b.ann.origin)
    const hidden = await note(b, b.benClient, b.ben.origin, 'HIDDEN words')
    setHidden(b.fac.doc, [hidden], true, b.fay)
    await note(b, b.benClient, b.ben.origin, 'shared words')
    await expect.poll(() => onServer(b, withheld)?.get('consent')).toBe(false)
    await expect.poll(() => onServer(b, hidden)?.get('hidden')).toBe(true)
    const json = await exported(b, 'json')
    expect(json).toContain('shared words')
    expect(json).not.toContain('WITHHELD')
    expect(json).not.toContain('HIDDEN')
    expect(json).toContain('Ben Bystander')

    setAnonymous(b.facControl.doc, true, b.fay)
    await expect.poll(async () => (await exported(b, 'json')).includes('Ben Bystander')).toBe(false)
    const anonymous = JSON.parse(await exported(b, 'json')) as {
      objects: { author: string; createdBy: string }[]
    }
    for (const o of anonymous.objects) expect([o.author, o.createdBy]).toEqual(['', ''])
  })
})

describe('names', () => {
  it('nobody joins or renames to a name someone else in the session goes by', async () => {
    const b = await board('collage')
    const join = (body: Record<string, unknown>) =>
      fetch(`${b.h.server.http}/api/sessions/${b.s.id}/join?key=${b.s.keys.participant}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: 'agree', ...body }),
      })
    for (const name of [
      'Ann Author',
      ' ann  author ',
      'Ａｎｎ Author',
      'Ann\u200b Author',
      '\u0410nn Author',
    ]) {
      const res = await join({ name })
      expect(res.status, name).toBe(409)
      expect(((await res.json()) as { error: string }).error).toMatch(/already called/)
    }
    // Mallory renaming herself to Ann's name, to credit Ann afterwards: refused, her name unchanged
    const rename = await join({ name: 'Ann Author', token: b.mallory.token })
    expect(rename.status).toBe(409)
    const me = await fetch(`${b.h.server.http}/api/sessions/${b.s.id}/me?token=${b.mallory.token}`)
    expect(((await me.json()) as { name: string }).name).toBe('Mallory')
    // keeping one's own name, or taking a free one, is fine
    expect((await join({ name: 'Mallory', token: b.mallory.token })).status).toBe(200)
    expect((await join({ name: 'Ann B' })).status).toBe(201)
  })
})

describe('a guest (no token)', () => {
  it('credits no one with a token who is here, though admitted after the guest came in', async () => {
    const b = await board('collage')
    const guest = await Attacker.open(b.h.server.ws, b.s.id, b.s.keys.participant)
    try {
      const cleo = await person(b.h.server.http, b.s, 'Cleo Came-Later')
      const cleoClient = b.h.open(b.s.id, b.s.keys.participant, { token: cleo.token })
      cleoClient.provider.awareness.setLocalState({
        user: { id: 'x', name: 'Cleo Came-Later', color: '#00796b', role: 'participant' },
      })
      await expect
        .poll(() =>
          [...b.fac.provider.awareness.getStates().values()].some(
            (s) => (s as { user?: { name?: string } }).user?.name === 'Cleo Came-Later',
          ),
        )
        .toBe(true)
      const as = (name: string, id: string) =>
        guest.attack(
          (d) =>
            void addObject(
              d,
              { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: `GUEST as ${name}`, id },
              createOrigin('stock-guest', name),
            ),
        )
      expect(await as('Cleo Came-Later', 'g1')).toMatchObject({ code: 'not-yours', field: 'author' })
      expect(await as('Ann Author', 'g2')).toMatchObject({ code: 'not-yours', field: 'author' })
      expect(await as('A guest', 'g3')).toBeNull()
      expect(await exported(b, 'md')).not.toMatch(/GUEST as (Cleo|Ann)/)
    } finally {
      guest.close()
    }
  })
})

describe('client ids', () => {
  it('a person’s Yjs client id stays theirs after a restart: nobody else may write under it, they may', async () => {
    const b = await board('collage')
    const noteUnder = (who: Attacker, client: number, id: string, text: string, origin: Origin) =>
      who.craft(
        (d) => void addObject(d, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text, id }, origin),
        client,
      )
    const annId = b.annClient.doc.clientID
    await note(b, b.annClient, b.ann.origin, 'Ann before the restart')
    await b.h.server.app.relay.flushed()
    await b.h.restart()
    // Mallory, first in after the restart, writes under Ann's client id at Ann's next clocks
    const mallory = await Attacker.open(b.h.server.ws, b.s.id, b.s.keys.participant, b.mallory.token)
    try {
      expect(
        await mallory.attempt(noteUnder(mallory, annId, 'squat', 'SQUAT', b.mallory.origin)),
      ).toMatchObject({
        code: 'not-yours',
      })
      // Ann, back under her own client id, writes on
      const ann = await Attacker.open(b.h.server.ws, b.s.id, b.s.keys.participant, b.ann.token)
      try {
        expect(
          await ann.attempt(noteUnder(ann, annId, 'ann2', 'Ann after the restart', b.ann.origin)),
        ).toBeNull()
      } finally {
        ann.close()
      }
      const reader = b.h.open(b.s.id, b.s.keys.facilitator)
      await expect.poll(() => noteTexts(reader.doc)).toContain('Ann after the restart')
      expect(noteTexts(reader.doc)).not.toContain('SQUAT')
    } finally {
      mallory.close()
    }
  })
})
