import { describe, expect, it, onTestFinished } from 'vitest'
import { newPrivateToken, ownerOfToken } from '../../shared/identity'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { startVoting } from '../../shared/ops/session'
import { controlRoom, privateRoom } from '../../shared/rooms'
import { readCanvases } from '../../shared/schema/controlDoc'
import { myVotesOf, readFacilitation } from '../../shared/schema/facilitation'
import { Attacker } from '../helpers/attacker'
import { harness, type Harness } from '../helpers/harness'
import { plantUpdate } from '../helpers/plant'
import { awarenessFrame, openRaw, refusedUpgrade } from '../helpers/raw'
import { createSession, joinSession, postJoin, synced, type CreatedSession } from '../helpers/server'

/*
 * What one hostile participant tried before the server knew people (issue #15): 10 made-up tokens
 * gave a note 30 votes against a budget of 3, a viewer link recorded 50 answers, and presence
 * claimed the facilitator's role and name. Each is held now.
 */

const answer = (h: Harness, s: CreatedSession, auth: string, value: string): Promise<Response> =>
  fetch(`${h.server.http}/api/sessions/${s.id}/answer?${auth}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answer: value }),
  })

describe('vote stuffing', () => {
  it('ten joins are ten people each held to the budget; made-up private rooms are refused and never counted', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const fay = createOrigin('u-fay', 'Fay')
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    const board = h.open(s.id, s.keys.facilitator)
    await Promise.all([control, board].map(synced))
    const canvas = readCanvases(control.doc)[0]!.id
    const note = addObject(board.doc, { kind: 'sticky', canvas, x: 0, y: 0, text: 'Vote for me' }, fay)
    startVoting(control.doc, 3, fay)
    await expect.poll(() => readFacilitation(control.doc).voteBudget).toBe(3)

    // made-up tokens open nothing: not the room their hash names, nor with the participant key alone
    for (let i = 0; i < 10; i++) {
      const token = newPrivateToken()
      const room = privateRoom(s.id, ownerOfToken(token))
      expect(
        (await refusedUpgrade(`${h.server.ws}/${room}?key=${s.keys.participant}&token=${token}`)).status,
      ).toBe(403)
      expect((await refusedUpgrade(`${h.server.ws}/${room}?key=${s.keys.participant}`)).status).toBe(403)
    }
    // a private room of nobody the server knows, already in storage (from before people), counts for nothing
    const stray = privateRoom(s.id, ownerOfToken(newPrivateToken()))
    await plantUpdate(h.server.storage, stray, (doc) => myVotesOf(doc).set(note, 3))

    // ten joins: ten people the facilitator sees, each with one budget, however many votes they claim:
    // a claim of 40 is refused outright, and each person's whole budget of 3 is all they can give
    const voters = await Promise.all(
      Array.from({ length: 10 }, (_, i) => joinSession(h.server.http, s.id, s.keys.participant, `Mal ${i}`)),
    )
    const rooms = await Promise.all(
      voters.map((v) => Attacker.open(h.server.ws, privateRoom(s.id, v.person), s.keys.participant, v.token)),
    )
    onTestFinished(() => rooms.forEach((r) => r.close()))
    for (const r of rooms) {
      expect(await r.attack((doc) => myVotesOf(doc).set(note, 40))).toMatchObject({
        code: 'not-allowed',
        field: 'votes',
      })
      expect(await r.attack((doc) => myVotesOf(doc).set(note, 3))).toBeNull()
    }
    for (const v of voters) {
      const seen = h.open(privateRoom(s.id, v.person), s.keys.facilitator)
      await synced(seen)
      await expect.poll(() => myVotesOf(seen.doc).get(note)).toBe(3)
    }
    const end = await fetch(`${h.server.http}/api/sessions/${s.id}/voting/end?key=${s.keys.facilitator}`, {
      method: 'POST',
    })
    expect(await end.json()).toEqual({ results: { [note]: 30 } })
  })
})

describe('answer stuffing', () => {
  it('a viewer cannot answer; answering again replaces; 50 answers from one token count once', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const viewerJoin = await postJoin(h.server.http, s.id, s.keys.viewer, { name: 'Vic', answer: 'agree' })
    expect(await viewerJoin.json()).toEqual({ role: 'viewer', status: 'admitted' })
    for (let i = 0; i < 5; i++) {
      expect((await answer(h, s, `key=${s.keys.viewer}`, 'agree')).status).toBe(403)
      expect((await answer(h, s, `key=${s.keys.viewer}&token=${newPrivateToken()}`, 'agree')).status).toBe(
        403,
      )
      expect((await answer(h, s, `key=${s.keys.participant}`, 'agree')).status).toBe(403)
    }
    const ann = await joinSession(h.server.http, s.id, s.keys.participant, 'Ann', 'discuss')
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    await synced(control)
    await expect.poll(() => readFacilitation(control.doc).answers).toEqual({ agree: 0, discuss: 1 })
    for (let i = 0; i < 50; i++) expect((await answer(h, s, `token=${ann.token}`, 'agree')).status).toBe(204)
    await expect.poll(() => readFacilitation(control.doc).answers).toEqual({ agree: 1, discuss: 0 })
    // joining again with the token replaces it too
    await postJoin(h.server.http, s.id, s.keys.participant, { token: ann.token, answer: 'discuss' })
    await expect.poll(() => readFacilitation(control.doc).answers).toEqual({ agree: 0, discuss: 1 })
    // nobody writes the answers but the server, not even a facilitator's client
    control.doc.getMap('answers').set('made-up', 'agree')
    const fresh = h.open(controlRoom(s.id), s.keys.viewer)
    await synced(fresh)
    await h.server.app.relay.flushed()
    expect(readFacilitation(fresh.doc).answers).toEqual({ agree: 0, discuss: 1 })
  })
})

describe('presence spoofing', () => {
  it('others see the role and name the server knows, whatever a raw client claims', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    const mal = await joinSession(h.server.http, s.id, s.keys.participant, 'Mal')
    const observer = h.open(s.id, s.keys.facilitator, { token: fay.token })
    observer.provider.awareness.setLocalState({
      user: { id: 'x', name: 'Fay', color: '#00798c', role: 'facilitator' },
    })
    await synced(observer)
    const claim = (id: string) =>
      JSON.stringify({
        user: { id: fay.person, name: 'Fay', color: '#d1495b', role: 'facilitator' },
        cursor: null,
        id,
      })

    const withToken = openRaw(h.server.ws, s.id, s.keys.participant, { token: mal.token })
    const guest = openRaw(h.server.ws, s.id, s.keys.participant)
    const noUser = openRaw(h.server.ws, s.id, s.keys.participant)
    await Promise.all([withToken, guest, noUser].map((r) => r.opened))
    withToken.ws.send(awarenessFrame([{ clientId: 950_001, clock: 1, json: claim('a') }]))
    guest.ws.send(awarenessFrame([{ clientId: 950_002, clock: 1, json: claim('b') }]))
    noUser.ws.send(
      awarenessFrame([{ clientId: 950_003, clock: 1, json: '{"name":"Fay","role":"facilitator"}' }]),
    )
    noUser.ws.send(awarenessFrame([{ clientId: 950_003, clock: 2, json: '{"user":"Fay"}' }]))
    const states = () => observer.provider.awareness.getStates()
    await expect
      .poll(() => states().get(950_001))
      .toMatchObject({
        user: { id: mal.person, name: 'Mal', role: 'participant', color: '#d1495b' },
      })
    await expect
      .poll(() => states().get(950_002))
      .toMatchObject({
        user: { id: 'guest-950002', name: 'Guest', role: 'participant' },
      })
    // a guest's own name is kept when it is no admitted person's
    guest.ws.send(
      awarenessFrame([
        { clientId: 950_002, clock: 2, json: JSON.stringify({ user: { name: 'Gus', role: 'facilitator' } }) },
      ]),
    )
    await expect
      .poll(() => states().get(950_002))
      .toMatchObject({
        user: { id: 'guest-950002', name: 'Gus', role: 'participant' },
      })
    expect(states().has(950_003)).toBe(false)
    // the facilitator's own state says who they are on the server
    const late = h.open(s.id, s.keys.viewer)
    await expect
      .poll(() => late.provider.awareness.getStates().get(observer.doc.clientID))
      .toMatchObject({
        user: { id: fay.person, name: 'Fay', role: 'facilitator' },
      })
    expect(late.provider.awareness.getStates().has(950_003)).toBe(false)
  })

  it('a guest who came in before someone was admitted cannot take their name, disguised or not', async () => {
    const h = await harness()
    const s = await createSession(h.server.http, 'collage') // no lobby: a participant key without a token is a guest
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    const observer = h.open(s.id, s.keys.facilitator, { token: fay.token })
    await synced(observer)
    const guest = openRaw(h.server.ws, s.id, s.keys.participant)
    await guest.opened
    // Bob joins after the guest connected, and is on the board
    const bob = await joinSession(h.server.http, s.id, s.keys.participant, 'Bob Builder')
    const bobClient = h.open(s.id, s.keys.participant, { token: bob.token })
    bobClient.provider.awareness.setLocalState({
      user: { id: 'x', name: 'Bob Builder', color: '#00798c', role: 'participant' },
    })
    const states = () => observer.provider.awareness.getStates()
    await expect
      .poll(() => states().get(bobClient.doc.clientID))
      .toMatchObject({ user: { name: 'Bob Builder' } })
    let clock = 0
    for (const name of [
      'Bob Builder',
      'bob  builder',
      'Ｂｏｂ Builder',
      'Bob\u200b Builder',
      '\u202eBob Builder',
      '\u0412ob Builder',
    ]) {
      guest.ws.send(
        awarenessFrame([{ clientId: 950_010, clock: ++clock, json: JSON.stringify({ user: { name } }) }]),
      )
      await expect
        .poll(() => states().get(950_010), { message: JSON.stringify(name) })
        .toMatchObject({ user: { id: 'guest-950010', name: 'Guest' } })
      // the next claim starts from a name of the guest's own, so each is seen to be replaced
      guest.ws.send(
        awarenessFrame([
          { clientId: 950_010, clock: ++clock, json: JSON.stringify({ user: { name: 'Gus' } }) },
        ]),
      )
      await expect.poll(() => states().get(950_010)).toMatchObject({ user: { name: 'Gus' } })
    }
  })
})
