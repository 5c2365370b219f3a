import { describe, expect, it } from 'vitest'
import { newPrivateToken } from '../../shared/identity'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { startVoting } from '../../shared/ops/session'
import { controlRoom, facilitatorRoom, privateRoom } from '../../shared/rooms'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { readCanvases, readLobby, readRemoved } from '../../shared/schema/controlDoc'
import { answersOf } from '../../shared/schema/facilitation'
import { harness, type Harness } from '../helpers/harness'
import { openRaw, refusedUpgrade } from '../helpers/raw'
import {
  createSession,
  joinSession,
  postJoin,
  synced,
  type CreatedSession,
  type Joined,
} from '../helpers/server'
import { untilVotingOpen } from '../helpers/voting'

/*
 * People the server knows (issue #15): tokens only the server issues, the lobby, removing someone,
 * renewing a link, and the session's log of who did what.
 */

const post = (h: Harness, path: string, body?: unknown): Promise<Response> =>
  fetch(`${h.server.http}${path}`, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })

const me = (h: Harness, s: CreatedSession, token: string): Promise<Response> =>
  fetch(`${h.server.http}/api/sessions/${s.id}/me?token=${token}`)

/** A session with Admit people on, its facilitator's token, and someone waiting. */
async function lobby(h: Harness) {
  const s = await createSession(h.server.http, 'sense-making', 'Lobby', { admit: true })
  const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
  expect(fay).toMatchObject({ role: 'facilitator', status: 'admitted' })
  const wes = await joinSession(h.server.http, s.id, s.keys.participant, 'Wes', 'discuss')
  expect(wes).toMatchObject({ role: 'participant', status: 'waiting' })
  return { s, fay, wes }
}

const people = async (h: Harness, s: CreatedSession, token: string) => {
  const res = await fetch(`${h.server.http}/api/sessions/${s.id}/people?token=${token}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    people: { person: string; name: string; role: string; status: string; decidedBy: string | null }[]
    log: { action: string; actor: string; subject: string }[]
  }
}

describe('person tokens', () => {
  it('are issued at join (none for viewers); made-up and malformed tokens are refused on the websocket and HTTP', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const viewer = await postJoin(h.server.http, s.id, s.keys.viewer, { name: 'Vic' })
    expect(viewer.status).toBe(200)
    expect(await viewer.json()).toEqual({ role: 'viewer', status: 'admitted' })
    const ann = await joinSession(h.server.http, s.id, s.keys.participant, '  Ann  ')
    expect(ann.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await (await me(h, s, ann.token)).json()).toEqual({
      person: ann.person,
      name: 'Ann',
      role: 'participant',
      status: 'admitted',
    })
    expect((await postJoin(h.server.http, s.id, s.keys.participant, { name: '   ' })).status).toBe(400)
    expect((await postJoin(h.server.http, s.id, s.keys.participant, { name: 'x'.repeat(61) })).status).toBe(
      400,
    )
    expect((await postJoin(h.server.http, s.id, 'x'.repeat(43), { name: 'Eve' })).status).toBe(403)

    for (const madeUp of [newPrivateToken(), 'A'.repeat(43), 'short', '']) {
      const ws = await refusedUpgrade(`${h.server.ws}/${s.id}?key=${s.keys.participant}&token=${madeUp}`)
      expect(ws, madeUp).toEqual({ status: 403, body: { error: 'unknown person token' } })
      const own = privateRoom(s.id, 'A'.repeat(43))
      expect(
        (await refusedUpgrade(`${h.server.ws}/${own}?key=${s.keys.participant}&token=${madeUp}`)).status,
      ).toBe(403)
      expect((await me(h, s, madeUp)).status, madeUp).toBe(403)
      const answer = await post(h, `/api/sessions/${s.id}/answer?token=${madeUp}`, { answer: 'agree' })
      expect(answer.status, madeUp).toBe(403)
      const session = await fetch(
        `${h.server.http}/api/sessions/${s.id}?key=${s.keys.facilitator}&token=${madeUp}`,
      )
      expect(session.status, 'a token wins over the key, and a bad one is refused').toBe(403)
      const rejoin = await postJoin(h.server.http, s.id, s.keys.participant, { token: madeUp })
      expect(rejoin.status).toBe(403)
    }
    // a token issued in another session proves nobody here
    const other = await createSession(h.server.http)
    expect((await me(h, other, ann.token)).status).toBe(403)

    // the device joins again with its token: same person, new name, no second person
    const again = await postJoin(h.server.http, s.id, s.keys.viewer, { token: ann.token, name: 'Ann B' })
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ token: ann.token, person: ann.person, role: 'participant' })
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    expect((await people(h, s, fay.token)).people.map((p) => p.name)).toEqual(['Ann B', 'Fay'])
  })

  it('facilitator-only routes refuse participant tokens and keys; a facilitator cannot remove themself', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const ann = await joinSession(h.server.http, s.id, s.keys.participant, 'Ann')
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    const base = `/api/sessions/${s.id}`
    for (const auth of [`token=${ann.token}`, `key=${s.keys.participant}`, `key=${s.keys.viewer}`]) {
      expect((await fetch(`${h.server.http}${base}/people?${auth}`)).status, auth).toBe(403)
      expect((await post(h, `${base}/people/admit-all?${auth}`)).status, auth).toBe(403)
      expect((await post(h, `${base}/people/${fay.person}/admit?${auth}`)).status, auth).toBe(403)
      expect((await post(h, `${base}/people/${fay.person}/remove?${auth}`, {})).status, auth).toBe(403)
      expect((await post(h, `${base}/links/participant/renew?${auth}`)).status, auth).toBe(403)
      expect((await post(h, `${base}/voting/end?${auth}`)).status, auth).toBe(403)
    }
    // a participant's token wins over a facilitator key it is sent with
    const mixed = `token=${ann.token}&key=${s.keys.facilitator}`
    expect((await fetch(`${h.server.http}${base}/people?${mixed}`)).status).toBe(403)
    const self = await post(h, `${base}/people/${fay.person}/remove?token=${fay.token}`, { hide: true })
    expect(self.status).toBe(400)
    expect((await post(h, `${base}/people/${'B'.repeat(43)}/remove?token=${fay.token}`, {})).status).toBe(404)
    expect((await post(h, `${base}/links/owner/renew?token=${fay.token}`)).status).toBe(404)
  })
})

describe('the lobby', () => {
  it('a waiting person opens only the control room, read-only; admitting them opens the board and counts their answer', async () => {
    const h = await harness()
    const { s, fay, wes } = await lobby(h)
    const q = (token: string) => `key=${s.keys.participant}&token=${token}`
    const waiting = { status: 403, body: { error: 'waiting to be admitted' } }
    expect(await refusedUpgrade(`${h.server.ws}/${s.id}?${q(wes.token)}`)).toEqual(waiting)
    expect(await refusedUpgrade(`${h.server.ws}/${privateRoom(s.id, wes.person)}?${q(wes.token)}`)).toEqual(
      waiting,
    )
    expect((await refusedUpgrade(`${h.server.ws}/${facilitatorRoom(s.id)}?${q(wes.token)}`)).status).toBe(403)
    // the participant key alone is for the join screen while the session admits people
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}?key=${s.keys.participant}`)).status).toBe(403)
    const answer = await post(h, `/api/sessions/${s.id}/answer?token=${wes.token}`, { answer: 'agree' })
    expect(answer.status).toBe(403)
    // the join screen reads the commitments in the control room with the participant key alone
    const joinScreen = h.open(controlRoom(s.id), s.keys.participant)
    await synced(joinScreen)
    // the waiting screen may read the session's title; images are for people in the room
    const session = await fetch(`${h.server.http}/api/sessions/${s.id}?token=${wes.token}`)
    expect(await session.json()).toMatchObject({ title: 'Lobby', role: 'participant' })
    const image = await fetch(`${h.server.http}/api/sessions/${s.id}/images?token=${wes.token}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(8),
    })
    expect(image.status).toBe(403)
    expect((await me(h, s, wes.token)).status).toBe(200)
    expect(await (await me(h, s, wes.token)).json()).toMatchObject({ status: 'waiting', name: 'Wes' })

    // the control room opens, and nothing the waiting person writes there is taken
    const control = h.open(controlRoom(s.id), s.keys.participant, { token: wes.token })
    await synced(control)
    answersOf(control.doc).set(wes.person, 'agree')
    const facRoom = h.open(facilitatorRoom(s.id), s.keys.facilitator, { token: fay.token })
    const facControl = h.open(controlRoom(s.id), s.keys.facilitator)
    await Promise.all([synced(facRoom), synced(facControl)])
    expect(readLobby(facRoom.doc)).toEqual([expect.objectContaining({ id: wes.person, name: 'Wes' })])
    expect(answersOf(facControl.doc).size).toBe(0)

    const admitted = await post(h, `/api/sessions/${s.id}/people/${wes.person}/admit?token=${fay.token}`)
    expect(admitted.status).toBe(204)
    await expect.poll(() => readLobby(facRoom.doc)).toEqual([])
    // their answer from the join screen counts now, once
    await expect.poll(() => answersOf(facControl.doc).toJSON()).toEqual({ [wes.person]: 'discuss' })
    expect(await (await me(h, s, wes.token)).json()).toMatchObject({ status: 'admitted' })
    const board = h.open(s.id, s.keys.participant, { token: wes.token })
    await synced(board)
    const log = (await people(h, s, fay.token)).log
    expect(log).toEqual([
      { at: expect.any(Number), action: 'admitted', actor: fay.person, subject: wes.person },
    ])
  })

  it('admit all admits everyone waiting; the caps answer 429 with Retry-After', async () => {
    const h = await harness()
    const { s, fay } = await lobby(h)
    for (const name of ['Xia', 'Yan']) await joinSession(h.server.http, s.id, s.keys.participant, name)
    const all = await post(h, `/api/sessions/${s.id}/people/admit-all?key=${s.keys.facilitator}`)
    expect(all.status).toBe(200)
    expect(await all.json()).toEqual({ admitted: 3 })
    const listed = await people(h, s, fay.token)
    expect(listed.people.filter((p) => p.status === 'waiting')).toEqual([])
    expect(listed.log.map((l) => [l.action, l.actor])).toEqual([
      ['admitted', 'key'],
      ['admitted', 'key'],
      ['admitted', 'key'],
    ])

    // 100 waiting at once, at most; 500 people in a session, at most (filled straight into storage)
    const fill = (n: number, status: 'waiting' | 'admitted') =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          h.server.storage.addPerson(
            {
              sessionId: s.id,
              id: `${status[0]}${String(i).padStart(42, '0')}`,
              name: `P${i}`,
              role: 'participant',
              status,
              answer: null,
              joinedAt: Date.now(),
              decidedAt: null,
              decidedBy: null,
            },
            { maxPeople: 500, maxWaiting: 100 },
          ),
        ),
      )
    await fill(100, 'waiting')
    const refused = await postJoin(h.server.http, s.id, s.keys.participant, { name: 'One too many' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(((await refused.json()) as { error: string }).error).toMatch(/100 people are already waiting/)
    await post(h, `/api/sessions/${s.id}/people/admit-all?key=${s.keys.facilitator}`)
    await fill(500 - 104, 'admitted')
    const full = await postJoin(h.server.http, s.id, s.keys.facilitator, { name: 'Late' })
    expect(full.status).toBe(429)
    expect(((await full.json()) as { error: string }).error).toMatch(/500 people/)
  })
})

describe('removing a person', () => {
  it('closes their connections with 4003, refuses their token after, hides what they added and takes their answer back', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    const rob = await joinSession(h.server.http, s.id, s.keys.participant, 'Rob', 'agree')
    const facBoard = h.open(s.id, s.keys.facilitator, { token: fay.token })
    const facControl = h.open(controlRoom(s.id), s.keys.facilitator)
    const robBoard = h.open(s.id, s.keys.participant, { token: rob.token })
    await Promise.all([facBoard, facControl, robBoard].map(synced))
    const canvas = readCanvases(facControl.doc)[0]!.id
    const robOrigin = createOrigin(rob.person, 'Rob')
    const notes = ['one', 'two'].map((text) =>
      addObject(robBoard.doc, { kind: 'sticky', canvas, x: 0, y: 0, text }, robOrigin),
    )
    const own = addObject(
      facBoard.doc,
      { kind: 'sticky', canvas, x: 0, y: 0, text: 'mine' },
      createOrigin(fay.person, 'Fay'),
    )
    await expect.poll(() => objectsOf(facBoard.doc).size).toBeGreaterThanOrEqual(3)
    await expect.poll(() => answersOf(facControl.doc).get(rob.person)).toBe('agree')
    // a private note and votes of his: never revealed or counted once he is removed
    const robPrivate = h.open(privateRoom(s.id, rob.person), s.keys.participant, { token: rob.token })
    await synced(robPrivate)
    startVoting(facControl.doc, 3, createOrigin(fay.person, 'Fay')) // votes are given only while voting is open
    await untilVotingOpen(h, s.id, s.keys.facilitator)
    addObject(robPrivate.doc, { kind: 'sticky', canvas, x: 0, y: 0, text: 'private of Rob' }, robOrigin)
    robPrivate.doc.getMap('votes').set(own, 1)
    const seen = h.open(privateRoom(s.id, rob.person), s.keys.facilitator)
    await synced(seen)
    await expect.poll(() => seen.doc.getMap('votes').size).toBe(1)
    const sockets = [s.id, privateRoom(s.id, rob.person), controlRoom(s.id)].map((room) =>
      openRaw(h.server.ws, room, s.keys.participant, { token: rob.token }),
    )
    await Promise.all(sockets.map((r) => r.opened))

    const res = await post(h, `/api/sessions/${s.id}/people/${rob.person}/remove?token=${fay.token}`, {
      hide: true,
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ hidden: 2 })
    for (const r of sockets) expect(await r.closed).toEqual({ code: 4003, reason: 'removed from session' })
    const hidden = (id: string) => {
      const map = objectsOf(facBoard.doc).get(id)
      return map ? (readObject(id, map) as { ok: true; object: { hidden: boolean } }).object.hidden : null
    }
    await expect.poll(() => notes.map(hidden)).toEqual([true, true])
    expect(hidden(own)).toBe(false)
    await expect.poll(() => answersOf(facControl.doc).has(rob.person)).toBe(false)
    expect([...readRemoved(facControl.doc)]).toEqual([rob.person])

    const reveal = await post(h, `/api/sessions/${s.id}/reveal?key=${s.keys.facilitator}`)
    expect(await reveal.json()).toEqual({ revealed: 0 })
    const end = await post(h, `/api/sessions/${s.id}/voting/end?key=${s.keys.facilitator}`)
    expect(await end.json()).toEqual({ results: {} })
    const removed = { status: 403, body: { error: 'removed from session' } }
    expect(
      await refusedUpgrade(`${h.server.ws}/${s.id}?key=${s.keys.participant}&token=${rob.token}`),
    ).toEqual(removed)
    expect((await me(h, s, rob.token)).status).toBe(403)
    expect(await (await me(h, s, rob.token)).json()).toEqual({ error: 'removed from session' })
    expect((await postJoin(h.server.http, s.id, s.keys.participant, { token: rob.token })).status).toBe(403)
    const answer = await post(h, `/api/sessions/${s.id}/answer?token=${rob.token}`, { answer: 'agree' })
    expect(answer.status).toBe(403)
    const log = (await people(h, s, fay.token)).log
    expect(log).toEqual([
      { at: expect.any(Number), action: 'removed', actor: fay.person, subject: rob.person },
    ])
  })

  it('exports say "Removed person" for what a removed person made, unless includeRemoved=1', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const rob = await joinSession(h.server.http, s.id, s.keys.participant, 'Rob Q')
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    const board = h.open(s.id, s.keys.participant, { token: rob.token })
    await Promise.all([control, board].map(synced))
    const canvas = readCanvases(control.doc)[0]!.id
    addObject(
      board.doc,
      { kind: 'sticky', canvas, x: 0, y: 0, text: 'kept note' },
      createOrigin(rob.person, 'Rob Q'),
    )
    await h.server.app.relay.flushed()
    const exported = async (format: string, extra = '') =>
      (
        await fetch(
          `${h.server.http}/api/sessions/${s.id}/export?format=${format}&key=${s.keys.facilitator}${extra}`,
        )
      ).text()
    await expect.poll(() => exported('md')).toContain('Rob Q')
    await post(h, `/api/sessions/${s.id}/people/${rob.person}/remove?key=${s.keys.facilitator}`, {
      hide: false,
    })
    for (const format of ['md', 'csv', 'json']) {
      const text = await exported(format)
      expect(text, format).toContain('kept note')
      expect(text, format).not.toContain('Rob Q')
      expect(text, format).toContain('Removed person')
      expect(await exported(format, '&includeRemoved=1'), format).toContain('Rob Q')
    }
  })
})

describe('renewing a link', () => {
  it('refuses the old key at once; people with tokens and open connections keep their place; the log says so', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const ann = await joinSession(h.server.http, s.id, s.keys.participant, 'Ann')
    const open = h.open(s.id, s.keys.participant)
    await synced(open)
    const res = await post(h, `/api/sessions/${s.id}/links/participant/renew?key=${s.keys.facilitator}`)
    expect(res.status).toBe(200)
    const { link } = (await res.json()) as { link: string }
    expect(link).toMatch(new RegExp(`^/s/${s.id}\\?key=[A-Za-z0-9_-]{43}$`))
    const fresh = new URL(link, 'http://x').searchParams.get('key')!
    expect(fresh).not.toBe(s.keys.participant)

    const old = s.keys.participant
    expect((await refusedUpgrade(`${h.server.ws}/${s.id}?key=${old}`)).status).toBe(403)
    expect((await postJoin(h.server.http, s.id, old, { name: 'Late' })).status).toBe(403)
    expect((await fetch(`${h.server.http}/api/sessions/${s.id}?key=${old}`)).status).toBe(403)
    // Ann reconnects with her token (and the old key her link still carries)
    const again = h.open(s.id, old, { token: ann.token })
    await synced(again)
    expect(open.provider.wsconnected).toBe(true)
    const joined: Joined = await joinSession(h.server.http, s.id, fresh, 'New')
    expect(joined.status).toBe('admitted')

    // the facilitator link too; the log records both
    const fac = await post(h, `/api/sessions/${s.id}/links/facilitator/renew?key=${s.keys.facilitator}`)
    const facKey = new URL(((await fac.json()) as { link: string }).link, 'http://x').searchParams.get('key')!
    expect(
      (await fetch(`${h.server.http}/api/sessions/${s.id}/people?key=${s.keys.facilitator}`)).status,
    ).toBe(403)
    const listed = await fetch(`${h.server.http}/api/sessions/${s.id}/people?key=${facKey}`)
    const { log } = (await listed.json()) as { log: { action: string; actor: string; subject: string }[] }
    expect(log.map((l) => [l.action, l.actor, l.subject])).toEqual([
      ['link-renewed', 'key', 'participant'],
      ['link-renewed', 'key', 'facilitator'],
    ])
  })
})

describe('deleting a session', () => {
  it('leaves no people and no log behind', async () => {
    const h = await harness()
    const { s, fay, wes } = await lobby(h)
    await post(h, `/api/sessions/${s.id}/people/${wes.person}/admit?token=${fay.token}`)
    expect(await h.server.storage.listPeople(s.id)).toHaveLength(2)
    expect(await h.server.storage.readLog(s.id)).toHaveLength(1)
    const res = await fetch(`${h.server.http}/api/sessions/${s.id}?token=${fay.token}`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await h.server.storage.listPeople(s.id)).toEqual([])
    expect(await h.server.storage.readLog(s.id)).toEqual([])
    expect(await h.server.storage.getPerson(s.id, wes.person)).toBeUndefined()
  })
})
