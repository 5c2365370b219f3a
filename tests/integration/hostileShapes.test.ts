import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { toggleReaction } from '../../shared/ops/contributions'
import { addObject } from '../../shared/ops/objects'
import { castVote, startVoting } from '../../shared/ops/session'
import { controlRoom, facilitatorRoom, privateRoom } from '../../shared/rooms'
import { objectsOf } from '../../shared/schema/boardDoc'
import { commitmentsOf, guidanceOf, readSessionInfo, sessionMapOf } from '../../shared/schema/controlDoc'
import { myVotesOf } from '../../shared/schema/facilitation'
import { Attacker, type Crafted } from '../helpers/attacker'
import { noteTexts } from '../helpers/board'
import { serverDoc } from '../helpers/carriesOn'
import { Rng } from '../helpers/fuzzFrames'
import { board, expectHeld, note, readsCleanly, type Board } from '../helpers/hostile'
import { refusedUpgrade } from '../helpers/raw'
import {
  OBJECT_KINDS,
  breakOnce,
  fieldsOf,
  newObject,
  randomKey,
  randomValue,
  wrongValuesFor,
  type BreakContext,
} from '../helpers/schemaBreaker'
import { synced } from '../helpers/server'
import { untilVotingOpen } from '../helpers/voting'

/*
 * Structurally valid updates of random and wrong shapes, into each kind of room. HOSTILE_SEED=<n>
 * repeats a run of the random ones.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31))
const tag = `HOSTILE_SEED=${SEED}`
/** Hundreds of updates in a few seconds: past the message rate limit, which is not what is tested here. */
const MANY_MESSAGES = { burstMessages: 100_000, messagesPerSecond: 100_000 }

/** Mallory's own objects, one of each kind (made honestly): what she may change, if only the value were right. */
async function ownObjects(b: Board, attacker: Attacker): Promise<string[]> {
  const ids = OBJECT_KINDS.map((k) => `mallory-${k}`)
  const crafted = attacker.craft((d) => {
    for (const [i, k] of OBJECT_KINDS.entries()) newObject(d, k, b.mallory.origin, b.canvas, ids[i])
  })
  expect(await attacker.attempt(crafted), 'her own objects').toBeNull()
  await expect.poll(() => ids.every((id) => objectsOf(attacker.doc).has(id))).toBe(true)
  return ids
}

/** Sends `count` updates of 1 to 3 random schema-breaking changes each; every one must be refused. */
async function randomAttacks(
  attacker: Attacker,
  ctx: BreakContext,
  count: number,
  seed: number,
): Promise<void> {
  const rng = new Rng(seed)
  for (let i = 0; i < count; i++) {
    const did: string[] = []
    const crafted = attacker.craft((d) => {
      for (let n = 1 + rng.int(3); n > 0; n--) did.push(breakOnce(rng, d, ctx))
    })
    const denial = await attacker.attempt(crafted)
    expect(denial, `${tag}: update ${i} (${did.join('; ')}) was taken`).not.toBeNull()
  }
}

describe('updates of random and wrong shapes', () => {
  it('into the board: wrong value types in every field of every kind, existing or new: refused', async () => {
    const b = await board('sense-making', { limits: MANY_MESSAGES })
    const own = await ownObjects(b, b.attacker)
    for (const [i, kind] of OBJECT_KINDS.entries())
      for (const field of fieldsOf(kind))
        for (const value of wrongValuesFor(kind, field).slice(0, 2)) {
          const what = `${kind}.${field} = ${JSON.stringify(value)}`
          const onOwn = await b.attacker.attack((d) => objectsOf(d).get(own[i]!)!.set(field, value))
          expect(onOwn?.code, `${what} on her own`).toBe(
            ['id', 'kind', 'v', 'createdBy', 'author', 'createdAt'].includes(field)
              ? 'fixed'
              : ['hidden', 'locked'].includes(field)
                ? 'facilitator-only'
                : 'invalid',
          )
          const onNew = await b.attacker.attack(
            (d) =>
              void objectsOf(d)
                .get(newObject(d, kind, b.mallory.origin, b.canvas))!
                .set(field, value),
          )
          expect(onNew?.code, `${what} on a new one`).toBe('invalid')
        }
    // the ones everyone thinks of first
    const sticky = own[OBJECT_KINDS.indexOf('sticky')]!
    const stroke = own[OBJECT_KINDS.indexOf('stroke')]!
    const image = own[OBJECT_KINDS.indexOf('image')]!
    for (const [id, field, value] of [
      [sticky, 'w', 'x'],
      [stroke, 'points', 'x'],
      [image, 'src', 'evil'],
      [sticky, 'color', 'chartreuse'],
      [stroke, 'points', [1, 2, 3]],
    ] as const)
      expect(
        await b.attacker.attack((d) => objectsOf(d).get(id)!.set(field, value)),
        `${field}`,
      ).toMatchObject({
        code: 'invalid',
        object: id,
        field,
      })
    // unknown fields, and types where values belong
    expect(await b.attacker.attack((d) => objectsOf(d).get(sticky)!.set('owner', 'me'))).toMatchObject({
      code: 'unknown-field',
    })
    expect(await b.attacker.attack((d) => objectsOf(d).get(sticky)!.set('x', new Y.Map()))).toMatchObject({
      code: 'invalid',
    })
    readsCleanly(serverDoc(b.h, b.s.id)!)
    expect(objectsOf(serverDoc(b.h, b.s.id)!).get(sticky)!.get('w')).toBe(200)
    await expectHeld(b)
  }, 60_000)

  it('types that are not rich text inside a note’s text: refused as invalid', async () => {
    const b = await board('collage')
    const id = await note(b, b.annClient, b.ann.origin, 'rich')
    const text = (d: Y.Doc): Y.XmlFragment => objectsOf(d).get(id)!.get('text') as Y.XmlFragment
    const inserts: [string, () => unknown][] = [
      ['a map', () => new Y.Map()],
      ['a list', () => new Y.Array()],
      ['plain text', () => new Y.Text('t')],
      ['a fragment', () => new Y.XmlFragment()],
    ]
    for (const [what, make] of inserts)
      expect(await b.attacker.attack((d) => text(d).insert(0, [make() as Y.XmlElement])), what).toMatchObject(
        { code: 'invalid', object: id, field: 'text' },
      )
    const attribute = await b.attacker.attack((d) => {
      const p = new Y.XmlElement('paragraph')
      text(d).insert(0, [p])
      p.setAttribute('style', new Y.Map() as unknown as string)
    })
    expect(attribute).toMatchObject({ code: 'invalid', object: id })
    await expectHeld(b)
    expect(noteTexts(b.fac.doc)).toContain('rich')
  })

  it(`into the board: random roots, random nested values, reactions in others' names: refused (${tag})`, async () => {
    const b = await board('sense-making', { limits: MANY_MESSAGES })
    const own = await ownObjects(b, b.attacker)
    const annNote = await note(b, b.annClient, b.ann.origin, 'Ann’s note')
    expect(await b.attacker.attack((d) => void toggleReaction(d, annNote, '👍', b.ann.origin))).toMatchObject(
      { code: 'not-yours' },
    )
    // the board's roots as other types, from a document of their own (the server's are maps)
    const elsewhere = (write: (d: Y.Doc) => void): Crafted => {
      const d = new Y.Doc()
      write(d)
      return { update: Y.encodeStateAsUpdate(d), clientId: d.clientID }
    }
    for (const [code, write] of [
      ['invalid', (d: Y.Doc) => d.getArray('objects').insert(0, ['x', new Y.Map()])],
      ['invalid', (d: Y.Doc) => d.getText('objects').insert(0, 'boo')],
      ['not-allowed', (d: Y.Doc) => d.getMap('meta').set('version', 99)],
      ['not-allowed', (d: Y.Doc) => d.getArray('meta').insert(0, [1])],
    ] as const)
      expect(await b.attacker.attempt(elsewhere(write))).toMatchObject({ code })
    const ctx: BreakContext = {
      self: b.mallory.origin,
      own,
      others: [b.ann.origin.userId, b.ben.origin.userId],
      canvas: b.canvas,
      roots: ['objects', 'meta'],
    }
    const keys = (): string[] => [...objectsOf(serverDoc(b.h, b.s.id)!).keys()].sort()
    const before = keys()
    await randomAttacks(b.attacker, ctx, 150, SEED)
    expect(keys()).toEqual(before)
    await expectHeld(b, { restart: true })
  }, 60_000)

  it(`into a private room: random shapes, and votes of 1000 or -1: refused (${tag})`, async () => {
    const b = await board('sense-making', { limits: MANY_MESSAGES })
    const room = privateRoom(b.s.id, b.mallory.origin.userId)
    const attacker = await Attacker.open(b.h.server.ws, room, b.s.keys.participant, b.mallory.token)
    const tab = b.h.open(room, b.s.keys.participant, { token: b.mallory.token })
    const fac = b.h.open(room, b.s.keys.facilitator)
    await Promise.all([synced(tab), synced(fac)])
    const id = addObject(
      tab.doc,
      { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'private' },
      b.mallory.origin,
    )
    // votes are given only while dot voting is open: open it, with a budget of 5
    startVoting(b.facControl.doc, 5, b.fay)
    await untilVotingOpen(b.h, b.s.id, b.s.keys.facilitator)
    castVote(tab.doc, id, 2, 5, b.mallory.origin)
    await expect.poll(() => myVotesOf(attacker.doc).get(id)).toBe(2)
    for (const value of [1000, -1, 51, 2.5, 'many'])
      expect(
        await attacker.attack((d) => myVotesOf(d).set(id, value as number)),
        `vote ${value}`,
      ).toMatchObject({
        code: 'invalid',
      })
    // a well-formed count past her budget of 5
    expect(await attacker.attack((d) => myVotesOf(d).set(id, 6))).toMatchObject({
      code: 'not-allowed',
      field: 'votes',
    })
    expect(await attacker.attack((d) => myVotesOf(d).set(id, 3))).toBeNull() // an honest vote is taken
    const own = await ownObjects(b, attacker)
    await randomAttacks(
      attacker,
      {
        self: b.mallory.origin,
        own,
        others: [b.ann.origin.userId],
        canvas: b.canvas,
        roots: ['objects', 'votes'],
      },
      100,
      SEED ^ 0x9e3779b9,
    )
    expect(myVotesOf(serverDoc(b.h, room)!).get(id)).toBe(3)
    let n = 0
    await expectHeld(b, {
      room,
      attacker,
      clients: [tab, fac],
      edit: async () => {
        const text = `private edit ${++n}`
        addObject(tab.doc, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text }, b.mallory.origin)
        await expect.poll(() => noteTexts(fac.doc)).toContain(text)
      },
    })
    attacker.close()
  }, 60_000)

  it('into the control room: a participant’s writes are dropped; a facilitator’s of the wrong shape are refused', async () => {
    const b = await board()
    const room = controlRoom(b.s.id)
    const mallory = await Attacker.open(b.h.server.ws, room, b.s.keys.participant, b.mallory.token)
    const rng = new Rng(SEED)
    const title = readSessionInfo(b.facControl.doc).title
    for (let i = 0; i < 20; i++) {
      const crafted = mallory.craft((d) => {
        ;(sessionMapOf(d) as Y.Map<unknown>).set(
          rng.pick(['title', 'locked', 'protect', randomKey(rng)]),
          randomValue(rng, 1),
        )
        ;(commitmentsOf(d) as Y.Array<unknown>).insert(0, [randomValue(rng, 1)])
      })
      await mallory.attempt(crafted) // dropped, as a viewer's are (no refusal message: see the report)
      mallory.refusedIds.add(crafted.clientId)
    }
    // a facilitator's link, used to write what no facilitator's client writes
    const rogue = await Attacker.open(b.h.server.ws, room, b.s.keys.facilitator)
    const shapes: [string, (d: Y.Doc) => void][] = [
      ['invalid', (d) => d.getMap(randomKey(rng)).set('k', 1)],
      ['invalid', (d) => d.getArray('objects').insert(0, ['x'])],
      ['unknown-field', (d) => sessionMapOf(d).set('owner', 'me')],
      ['too-deep', (d) => sessionMapOf(d).set('title', nested(12))],
    ]
    for (const [code, change] of shapes) expect(await rogue.attack(change)).toMatchObject({ code })
    expect(readSessionInfo(serverDoc(b.h, room)!).title).toBe(title)
    const edit = async (): Promise<void> => {
      commitmentsOf(b.facControl.doc).push(['We stay kind.'])
      await expect.poll(() => commitmentsOf(part.doc).toArray().includes('We stay kind.')).toBe(true)
    }
    const part = b.h.open(room, b.s.keys.participant)
    await synced(part)
    for (const attacker of [mallory, rogue])
      await expectHeld(b, { room, attacker, clients: [b.facControl, part], edit })
    mallory.close()
    rogue.close()
  }, 60_000)

  it('into the facilitator room: a participant cannot open it; a facilitator’s writes of the wrong shape are refused', async () => {
    const b = await board()
    const room = facilitatorRoom(b.s.id)
    expect(
      (await refusedUpgrade(`${b.h.server.ws}/${room}?key=${b.s.keys.participant}&token=${b.mallory.token}`))
        .status,
    ).toBe(403)
    const rogue = await Attacker.open(b.h.server.ws, room, b.s.keys.facilitator)
    const honest = b.h.open(room, b.s.keys.facilitator)
    await synced(honest)
    const rng = new Rng(SEED)
    const key = [...guidanceOf(rogue.doc).keys()][0]!
    for (const value of [42, null, { a: 1 }, 'g'.repeat(5000), new Y.Map(), new Y.Text('t')])
      expect(await rogue.attack((d) => (guidanceOf(d) as Y.Map<unknown>).set(key, value))).toMatchObject({
        code: 'invalid',
      })
    for (let i = 0; i < 10; i++)
      expect(await rogue.attack((d) => d.getMap(randomKey(rng)).set('k', randomValue(rng)))).toMatchObject({
        code: 'invalid',
      })
    let n = 0
    await expectHeld(b, {
      room,
      attacker: rogue,
      clients: [honest],
      edit: async () => {
        const text = `guidance ${++n}`
        guidanceOf(honest.doc).set(key, text)
        await expect.poll(() => guidanceOf(rogue.doc).get(key)).toBe(text)
      },
    })
    rogue.close()
  }, 60_000)
})

/** Maps in maps, `depth` levels. */
function nested(depth: number): Y.Map<unknown> {
  const top = new Y.Map<unknown>()
  let cur = top
  for (let i = 0; i < depth; i++) {
    const inner = new Y.Map<unknown>()
    cur.set('in', inner)
    cur = inner
  }
  return top
}
