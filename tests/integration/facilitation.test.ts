import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { castVote, startVoting } from '../../shared/ops/session'
import { controlRoom, privateRoom } from '../../shared/rooms'
import { myVotesOf, readFacilitation, resultsOf } from '../../shared/schema/facilitation'
import { harness } from '../helpers/harness'
import { createSession, joinSession, synced } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')
const pat = createOrigin('u-pat', 'Pat')

describe('Community Commitments answers', () => {
  it('are counted for the facilitator without names, one answer per person', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const answer = (key: string, token: string | null, body: unknown) =>
      fetch(`${h.server.http}/api/sessions/${id}/answer?key=${key}${token ? `&token=${token}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const join = (name: string) => joinSession(h.server.http, id, keys.participant, name)
    const [p1, p2, p3] = [await join('One'), await join('Two'), await join('Three')]
    const [t1, t2, t3] = [p1.token, p2.token, p3.token]
    expect((await answer(keys.participant, t1, { answer: 'discuss' })).status).toBe(204)
    expect((await answer(keys.participant, t1, { answer: 'agree' })).status).toBe(204) // changed their mind
    expect((await answer(keys.participant, t2, { answer: 'agree' })).status).toBe(204)
    // the token wins over the key: a stale or viewer key does not matter to a person
    expect((await answer(keys.viewer, t3, { answer: 'discuss' })).status).toBe(204)
    expect((await answer(keys.participant, null, { answer: 'agree' })).status).toBe(403)
    expect((await answer(keys.participant, t1, { answer: 'maybe' })).status).toBe(400)

    const control = h.open(controlRoom(id), keys.facilitator)
    await synced(control)
    await expect.poll(() => readFacilitation(control.doc).answers).toEqual({ agree: 2, discuss: 1 })
    const json = JSON.stringify(control.doc.toJSON())
    expect(json).not.toContain(t1) // the tokens themselves are never stored
    expect(json).toContain(p1.person.slice(0, 20)) // only their hashes (person ids)
  })
})

describe('dot voting', () => {
  it('is private while open, capped at the budget, and tallied by the server at the end', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const facControl = h.open(controlRoom(id), keys.facilitator)
    const board = h.open(id, keys.facilitator)
    await Promise.all([synced(facControl), synced(board)])
    const a = addObject(board.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'A' }, fay)
    const b = addObject(board.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'B' }, fay)
    startVoting(facControl.doc, 2, fay)

    const people = await Promise.all(
      ['V1', 'V2', 'V3'].map((name) => joinSession(h.server.http, id, keys.participant, name)),
    )
    const voters = people.map(({ token, person }) =>
      h.open(privateRoom(id, person), keys.participant, { token }),
    )
    await Promise.all(voters.map(synced))
    expect(castVote(voters[0]!.doc, a, 1, 2, pat)).toBe(true)
    expect(castVote(voters[0]!.doc, b, 1, 2, pat)).toBe(true)
    expect(castVote(voters[0]!.doc, b, 1, 2, pat)).toBe(false) // over budget: refused locally
    expect(castVote(voters[1]!.doc, a, 2, 2, pat)).toBe(true)
    myVotesOf(voters[2]!.doc).set(b, 40) // a crafted document: counted as the budget, no more

    // a participant cannot write the results
    const sneaky = h.open(controlRoom(id), keys.participant)
    await synced(sneaky)
    resultsOf(sneaky.doc).set(b, 999)

    await expect.poll(() => myVotesOf(voters[2]!.doc).size).toBe(1)
    const end = (key: string) =>
      fetch(`${h.server.http}/api/sessions/${id}/voting/end?key=${key}`, { method: 'POST' })
    expect((await end(keys.participant)).status).toBe(403)
    // votes reach the server before voting ends: the facilitator sees each private room fill
    for (const v of voters) {
      const seen = h.open(v.provider.roomname, keys.facilitator)
      await synced(seen)
      await expect.poll(() => myVotesOf(seen.doc).size).toBeGreaterThan(0)
    }
    const res = await end(keys.facilitator)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ results: { [a]: 3, [b]: 3 } })
    await expect.poll(() => readFacilitation(facControl.doc).results).toEqual({ [a]: 3, [b]: 3 })
    expect(readFacilitation(facControl.doc).mode).toBe('free')
    await expect.poll(() => voters.map((v) => myVotesOf(v.doc).size)).toEqual([0, 0, 0])
  })

  it('the server clock is served for timers', async () => {
    const h = await harness()
    const before = Date.now()
    const { now } = (await (await fetch(`${h.server.http}/api/time`)).json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
