import { describe, expect, it, onTestFinished } from 'vitest'
import type * as Y from 'yjs'
import { newPrivateToken } from '../../shared/identity'
import { splitIntoGroups, setChoosing, setVisiting } from '../../shared/ops/groups'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { objectMapOf, objectMaps, objectsOf, writeObject } from '../../shared/schema/boardDoc'
import { readCanvases } from '../../shared/schema/controlDoc'
import { breakoutOf, groupOfMap, groupsOf, readGroups } from '../../shared/schema/groups'
import { Attacker } from '../helpers/attacker'
import { harness, type Harness } from '../helpers/harness'
import { createSession, joinSession, synced, type CreatedSession, type Joined } from '../helpers/server'

/*
 * Small groups, enforced by the server: who is in which group is the facilitators' to write (or, while
 * people choose, the server's for the person a token proves), and a participant cannot write into
 * another group's space while visiting is not allowed — tried with raw y-protocols updates carrying
 * only a participant token.
 */

const fay = createOrigin('fay', 'Fay')

interface Run {
  s: CreatedSession
  fay: Joined
  ann: Joined
  bob: Joined
  control: Y.Doc
  board: Y.Doc
  /** Group ids, Ann's first. */
  groups: string[]
  /** Each group's canvas, Ann's first. */
  canvases: string[]
  main: string
}

async function attacker(h: Harness, room: string, key: string, token?: string): Promise<Attacker> {
  const a = await Attacker.open(h.server.ws, room, key, token)
  onTestFinished(() => a.close())
  return a
}

/** A session split into two groups by its facilitator: Ann in the first, Bob in the second. */
async function running(h: Harness): Promise<Run> {
  const s = await createSession(h.server.http)
  const fayJoined = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
  const ann = await joinSession(h.server.http, s.id, s.keys.participant, 'Ann')
  const bob = await joinSession(h.server.http, s.id, s.keys.participant, 'Bob')
  const control = h.open(controlRoom(s.id), s.keys.facilitator, { token: fayJoined.token })
  const board = h.open(s.id, s.keys.facilitator, { token: fayJoined.token })
  await Promise.all([synced(control), synced(board)])
  const main = readCanvases(control.doc)[0]!.id
  addObject(board.doc, { kind: 'frame', canvas: main, x: 0, y: 0, props: { title: 'Ideas' } }, fay)
  const groups = splitIntoGroups(
    control.doc,
    board.doc,
    {
      source: main,
      sourceName: 'Main',
      names: ['Red', 'Blue'],
      members: [[ann.person], [bob.person]],
      prompt: 'What did you hear?',
      minutes: 10,
      choose: false,
    },
    fay,
    Date.now(),
  )
  const state = readGroups(control.doc)
  // the server has the split once a fresh reader sees it
  const check = h.open(controlRoom(s.id), s.keys.facilitator, { token: fayJoined.token })
  await expect.poll(() => readGroups(check.doc).groups.length).toBe(2)
  const checkBoard = h.open(s.id, s.keys.facilitator, { token: fayJoined.token })
  // every group's canvas has its copy of the main canvas
  for (const g of state.groups)
    await expect
      .poll(() => objectMaps(checkBoard.doc).some(([, m]) => m.get('canvas') === g.canvas))
      .toBe(true)
  return {
    s,
    fay: fayJoined,
    ann,
    bob,
    control: control.doc,
    board: board.doc,
    groups,
    canvases: state.groups.map((g) => g.canvas),
    main,
  }
}

const note =
  (canvas: string, createdBy = '') =>
  (doc: Y.Doc) => {
    const id = `n-${Math.random().toString(36).slice(2)}`
    objectsOf(doc).set(
      id,
      writeObject({
        id,
        kind: 'sticky',
        canvas,
        x: 0,
        y: 0,
        z: 1,
        createdBy,
        author: '',
        createdAt: 0,
        props: { w: 200, h: 200, color: 'yellow' } as never,
      }),
    )
  }

const firstOn = (doc: Y.Doc, canvas: string): string =>
  objectMaps(doc).find(([, m]) => m.get('canvas') === canvas)![0]

describe('small groups: a participant writes only in their own group’s space', () => {
  it('refuses a participant’s notes, edits, moves and removals in another group’s space until visiting is allowed', async () => {
    const h = await harness()
    const run = await running(h)
    const [mine, theirs] = run.canvases as [string, string]
    const ann = await attacker(h, run.s.id, run.s.keys.participant, run.ann.token)
    expect(objectMaps(ann.doc).some(([, m]) => m.get('canvas') === theirs)).toBe(true) // the copy is there

    expect(await ann.attack(note(mine, run.ann.person))).toBeNull()
    expect(await ann.attack(note(run.main, run.ann.person))).toBeNull() // a canvas no group has stays open

    const intoTheirs = await ann.attack(note(theirs, run.ann.person))
    expect(intoTheirs).toMatchObject({ code: 'other-group', field: 'canvas' })
    const copied = firstOn(ann.doc, theirs)
    expect(await ann.attack((d) => objectMapOf(d, copied)!.set('x', 999))).toMatchObject({
      code: 'other-group',
      object: copied,
    })
    expect(await ann.attack((d) => objectsOf(d).delete(copied))).toMatchObject({ code: 'other-group' })
    const own = objectMaps(ann.doc).find(
      ([, m]) => m.get('createdBy') === run.ann.person && m.get('canvas') === mine,
    )!
    expect(await ann.attack((d) => objectMapOf(d, own[0])!.set('canvas', theirs))).toMatchObject({
      code: 'other-group',
    })
    expect(objectMapOf(run.board, copied)?.get('x')).not.toBe(999)

    // a made-up person token gets no connection at all
    await expect(
      Attacker.open(h.server.ws, run.s.id, run.s.keys.participant, newPrivateToken()),
    ).rejects.toThrow('upgrade refused: 403')
    // a connection with the participant key and no token is in no group: every group's space is closed
    const guest = await attacker(h, run.s.id, run.s.keys.participant)
    expect(await guest.attack(note(mine))).toMatchObject({ code: 'other-group' })

    setVisiting(run.control, true, fay)
    await expect.poll(async () => ann.attack(note(theirs, run.ann.person))).toBeNull()
    // (Protect contributions still holds there: her own note may go, the facilitator's frame stays put)
    expect(await ann.attack((d) => objectMapOf(d, own[0])!.set('canvas', theirs))).toBeNull()
    expect(await ann.attack((d) => objectMapOf(d, copied)!.set('x', 999))).toMatchObject({
      code: 'protected',
    })
    await expect.poll(() => objectMapOf(run.board, own[0])?.get('canvas')).toBe(theirs)
  })

  it('lets the facilitator write in every group’s space', async () => {
    const h = await harness()
    const run = await running(h)
    const fac = await attacker(h, run.s.id, run.s.keys.facilitator, run.fay.token)
    for (const canvas of run.canvases) expect(await fac.attack(note(canvas))).toBeNull()
  })
})

describe('small groups: who is in which group', () => {
  it('is written by facilitators only: a participant’s write to the control room is dropped', async () => {
    const h = await harness()
    const run = await running(h)
    const sneaky = h.open(controlRoom(run.s.id), run.s.keys.participant, { token: run.ann.token })
    await synced(sneaky)
    sneaky.doc.transact(() => {
      groupOfMap(sneaky.doc).set(run.bob.person, run.groups[0]!) // Bob into Ann's group
      groupOfMap(sneaky.doc).set(run.ann.person, run.groups[1]!)
      breakoutOf(sneaky.doc).set('visit', true)
    })
    setChoosing(run.control, false, fay) // a later facilitator write: the participant's would be first
    const check = h.open(controlRoom(run.s.id), run.s.keys.facilitator, { token: run.fay.token })
    await synced(check)
    await expect.poll(() => breakoutOf(check.doc).get('choose')).toBe(false)
    const state = readGroups(check.doc)
    expect(state.members).toEqual({ [run.ann.person]: run.groups[0], [run.bob.person]: run.groups[1] })
    expect(state.visit).toBe(false)
  })

  it('is validated: oversized names, too many groups, members that are not people, unknown settings are refused', async () => {
    const h = await harness()
    const run = await running(h)
    const fac = await attacker(h, controlRoom(run.s.id), run.s.keys.facilitator, run.fay.token)
    const group = (name: string) => ({ name, canvas: 'c1', prompt: '', order: 0, timer: null })
    const refused = [
      (d: Y.Doc) => groupsOf(d).set('g-long', group('x'.repeat(61))),
      (d: Y.Doc) => groupsOf(d).set('g-blank', group('   ')),
      (d: Y.Doc) => groupsOf(d).set('g-extra', { ...group('ok'), owner: 'me' }),
      (d: Y.Doc) => groupsOf(d).set('g-prompt', { ...group('ok'), prompt: 'p'.repeat(2001) }),
      (d: Y.Doc) => {
        for (let i = 0; i < 29; i++) groupsOf(d).set(`g-${i}`, group(`G${i}`)) // 2 + 29 > 30
      },
      (d: Y.Doc) => groupOfMap(d).set('not-a-person', run.groups[0]!),
      (d: Y.Doc) => groupOfMap(d).set(run.ann.person, 42),
      (d: Y.Doc) => groupOfMap(d).set(run.ann.person, 'g'.repeat(65)),
      (d: Y.Doc) => breakoutOf(d).set('owner', 'me'),
      (d: Y.Doc) => breakoutOf(d).set('visit', 'yes'),
      (d: Y.Doc) => breakoutOf(d).set('message', { text: 'm'.repeat(501), at: 1 }),
      (d: Y.Doc) => breakoutOf(d).set('phase', 'forever'),
    ]
    for (const change of refused)
      expect(await fac.attack(change), String(change)).toMatchObject({ code: 'invalid' })
    expect(await fac.attack((d) => groupsOf(d).set('g-ok', group('Green')))).toBeNull()
    expect(readGroups(run.control).groups.map((g) => g.name)).not.toContain('x'.repeat(61))
  })
})

describe('small groups: let people choose', () => {
  const choose = (h: Harness, s: CreatedSession, auth: string, body: unknown): Promise<Response> =>
    fetch(`${h.server.http}/api/sessions/${s.id}/groups/choose?${auth}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('lets a person set only their own group, only while choosing is on, only to a group that exists', async () => {
    const h = await harness()
    const run = await running(h)
    const [red, blue] = run.groups as [string, string]
    const ann = `token=${run.ann.token}`
    expect((await choose(h, run.s, ann, { group: blue })).status).toBe(409) // not open for choosing

    setChoosing(run.control, true, fay)
    await expect.poll(async () => (await choose(h, run.s, ann, { group: blue })).status).toBe(204)
    // a person field is not read: Ann moves herself, never Bob
    expect((await choose(h, run.s, ann, { group: red, person: run.bob.person })).status).toBe(204)
    expect((await choose(h, run.s, ann, { group: 'no-such-group' })).status).toBe(400)
    expect((await choose(h, run.s, ann, { group: 'g'.repeat(65) })).status).toBe(400)
    expect((await choose(h, run.s, ann, {})).status).toBe(400)
    expect((await choose(h, run.s, `token=${newPrivateToken()}`, { group: blue })).status).toBe(403)
    expect((await choose(h, run.s, `key=${run.s.keys.participant}`, { group: blue })).status).toBe(403)
    expect((await choose(h, run.s, `key=${run.s.keys.viewer}`, { group: blue })).status).toBe(403)
    const big = await fetch(`${h.server.http}/api/sessions/${run.s.id}/groups/choose?${ann}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ group: red, pad: 'x'.repeat(4096) }),
    })
    expect(big.status).toBe(413)

    const check = h.open(controlRoom(run.s.id), run.s.keys.facilitator, { token: run.fay.token })
    await synced(check)
    await expect
      .poll(() => readGroups(check.doc).members)
      .toEqual({ [run.ann.person]: red, [run.bob.person]: blue })
  })
})
