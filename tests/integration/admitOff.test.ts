import { describe, expect, it } from 'vitest'
import { createOrigin } from '../../shared/ops/origin'
import { setAdmitPeople } from '../../shared/ops/session'
import { controlRoom, facilitatorRoom } from '../../shared/rooms'
import { isAdmitOn, readLobby, sessionMapOf } from '../../shared/schema/controlDoc'
import { answersOf } from '../../shared/schema/facilitation'
import { Attacker } from '../helpers/attacker'
import { harness, type Harness } from '../helpers/harness'
import { createSession, joinSession, synced, type CreatedSession } from '../helpers/server'

/*
 * Turning Admit people off while people wait in the lobby admits them all at once (as a waiting
 * room turned off does): the server acts on the setting itself, and only a facilitator can write it.
 */

const status = async (h: Harness, s: CreatedSession, token: string): Promise<string> => {
  const res = await fetch(`${h.server.http}/api/sessions/${s.id}/me?token=${token}`)
  return ((await res.json()) as { status: string }).status
}

const log = async (h: Harness, s: CreatedSession) => {
  const res = await fetch(`${h.server.http}/api/sessions/${s.id}/people?key=${s.keys.facilitator}`)
  return ((await res.json()) as { log: { action: string; actor: string; subject: string }[] }).log
}

/** A session with Admit people on, its facilitator, and two people waiting (one answered "discuss"). */
async function lobby(h: Harness) {
  const s = await createSession(h.server.http, 'sense-making', 'Lobby', { admit: true })
  const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
  const wes = await joinSession(h.server.http, s.id, s.keys.participant, 'Wes', 'discuss')
  const xia = await joinSession(h.server.http, s.id, s.keys.participant, '夏')
  expect([wes.status, xia.status]).toEqual(['waiting', 'waiting'])
  return { s, fay, wes, xia }
}

describe('turning Admit people off', () => {
  it('admits everyone waiting at once, counts their answers and logs who turned it off', async () => {
    const h = await harness()
    const { s, fay, wes, xia } = await lobby(h)
    const facRoom = h.open(facilitatorRoom(s.id), s.keys.facilitator, { token: fay.token })
    const control = h.open(controlRoom(s.id), s.keys.facilitator, { token: fay.token })
    await Promise.all([synced(facRoom), synced(control)])
    expect(readLobby(facRoom.doc).map((e) => e.name)).toEqual(['Wes', '夏'])

    setAdmitPeople(control.doc, false, createOrigin(fay.person, 'Fay'))

    await expect.poll(() => status(h, s, wes.token)).toBe('admitted')
    expect(await status(h, s, xia.token)).toBe('admitted')
    await expect.poll(() => readLobby(facRoom.doc)).toEqual([])
    await expect.poll(() => answersOf(control.doc).toJSON()).toEqual({ [wes.person]: 'discuss' })
    expect((await log(h, s)).map((l) => [l.action, l.actor, l.subject]).sort()).toEqual(
      [
        ['admitted', fay.person, wes.person],
        ['admitted', fay.person, xia.person],
      ].sort(),
    )
    // in for real: the board opens to them
    const board = h.open(s.id, s.keys.participant, { token: wes.token })
    await synced(board)
    // and whoever comes next walks straight in, until it is turned on again
    expect((await joinSession(h.server.http, s.id, s.keys.participant, 'Yan')).status).toBe('admitted')
    setAdmitPeople(control.doc, true, createOrigin(fay.person, 'Fay'))
    await expect
      .poll(async () => (await joinSession(h.server.http, s.id, s.keys.participant, 'Zed')).status)
      .toBe('waiting')
  })

  it('by the facilitator key alone (no token) is logged as the key', async () => {
    const h = await harness()
    const { s, wes } = await lobby(h)
    const control = h.open(controlRoom(s.id), s.keys.facilitator)
    await synced(control)
    setAdmitPeople(control.doc, false, createOrigin('someone', 'Someone'))
    await expect.poll(() => status(h, s, wes.token)).toBe('admitted')
    await expect.poll(async () => (await log(h, s)).map((l) => l.actor)).toEqual(['key', 'key'])
  })

  it('cannot be done by a participant, a waiting person or a viewer on a raw socket, nor by a made-up token', async () => {
    const h = await harness()
    const { s, fay, wes } = await lobby(h)
    // an admitted participant, as hostile as they like
    const mal = await joinSession(h.server.http, s.id, s.keys.participant, 'Mal')
    await fetch(`${h.server.http}/api/sessions/${s.id}/people/${mal.person}/admit?token=${fay.token}`, {
      method: 'POST',
    })
    expect(await status(h, s, mal.token)).toBe('admitted')
    const turnOff = (doc: Parameters<typeof sessionMapOf>[0]) => sessionMapOf(doc).set('admit', false)
    const deleteIt = (doc: Parameters<typeof sessionMapOf>[0]) => sessionMapOf(doc).delete('admit')

    const participant = await Attacker.open(h.server.ws, controlRoom(s.id), s.keys.participant, mal.token)
    // the control room is the facilitators': a participant's writes there are dropped unapplied
    await participant.attack(turnOff)
    await participant.attack(deleteIt)
    expect(participant.open).toBe(true)
    const waiting = await Attacker.open(h.server.ws, controlRoom(s.id), s.keys.participant, wes.token)
    await waiting.attempt(waiting.craft(turnOff))
    const viewer = await Attacker.open(h.server.ws, controlRoom(s.id), s.keys.viewer)
    await viewer.attempt(viewer.craft(turnOff))
    for (const a of [participant, waiting, viewer]) a.close()

    // made-up and participant credentials on the admit routes
    const base = `${h.server.http}/api/sessions/${s.id}/people/admit-all`
    for (const auth of [`token=${'A'.repeat(43)}`, `key=${s.keys.participant}`, `token=${mal.token}`])
      expect((await fetch(`${base}?${auth}`, { method: 'POST' })).status, auth).toBe(403)

    // nothing changed: the setting is on, Wes still waits, nobody else was admitted
    const check = h.open(controlRoom(s.id), s.keys.facilitator)
    await synced(check)
    expect(isAdmitOn(check.doc)).toBe(true)
    expect(await status(h, s, wes.token)).toBe('waiting')
    expect((await log(h, s)).map((l) => l.subject)).toEqual([mal.person])
    expect((await joinSession(h.server.http, s.id, s.keys.participant, 'Late')).status).toBe('waiting')
  })
})
