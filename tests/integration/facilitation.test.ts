import { describe, expect, it, onTestFinished } from 'vitest'
import { addObject, deleteObjects } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { castVote, startVoting } from '../../shared/ops/session'
import { controlRoom, privateRoom } from '../../shared/rooms'
import { objectsOf } from '../../shared/schema/boardDoc'
import { myVotesOf, readFacilitation, resultsOf } from '../../shared/schema/facilitation'
import { Attacker } from '../helpers/attacker'
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
    const voters = people
      .slice(0, 2)
      .map(({ token, person }) => h.open(privateRoom(id, person), keys.participant, { token }))
    await Promise.all(voters.map(synced))
    expect(castVote(voters[0]!.doc, a, 1, 2, pat)).toBe(true)
    expect(castVote(voters[0]!.doc, b, 1, 2, pat)).toBe(true)
    expect(castVote(voters[0]!.doc, b, 1, 2, pat)).toBe(false) // over budget: refused locally
    expect(castVote(voters[1]!.doc, a, 2, 2, pat)).toBe(true)
    // a crafted document past the budget: refused by the server, so it reaches no one and counts for nothing
    const crafter = await Attacker.open(
      h.server.ws,
      privateRoom(id, people[2]!.person),
      keys.participant,
      people[2]!.token,
    )
    onTestFinished(() => crafter.close())
    expect(await crafter.attack((doc) => myVotesOf(doc).set(b, 40))).toMatchObject({
      code: 'not-allowed',
      field: 'votes',
    })

    // a participant cannot write the results
    const sneaky = h.open(controlRoom(id), keys.participant)
    await synced(sneaky)
    resultsOf(sneaky.doc).set(b, 999)

    const end = (key: string) =>
      fetch(`${h.server.http}/api/sessions/${id}/voting/end?key=${key}`, { method: 'POST' })
    expect((await end(keys.participant)).status).toBe(403)
    // votes reach the server before voting ends: the facilitator sees each honest private room fill,
    // and the crafted one stay empty
    for (const v of voters) {
      const seen = h.open(v.provider.roomname, keys.facilitator)
      await synced(seen)
      await expect.poll(() => myVotesOf(seen.doc).size).toBeGreaterThan(0)
    }
    const seenCrafted = h.open(privateRoom(id, people[2]!.person), keys.facilitator)
    await synced(seenCrafted)
    expect(myVotesOf(seenCrafted.doc).size).toBe(0)
    const res = await end(keys.facilitator)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ results: { [a]: 3, [b]: 1 } })
    await expect.poll(() => readFacilitation(facControl.doc).results).toEqual({ [a]: 3, [b]: 1 })
    expect(readFacilitation(facControl.doc).mode).toBe('free')
    await expect.poll(() => voters.map((v) => myVotesOf(v.doc).size)).toEqual([0, 0])
  })

  it('counts votes for notes, recipe cards and pictures on the board only: never for a frame, a made-up id or a deleted note', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const facControl = h.open(controlRoom(id), keys.facilitator)
    const board = h.open(id, keys.facilitator)
    await Promise.all([synced(facControl), synced(board)])
    const at = { canvas: 'c', x: 0, y: 0 }
    const note = addObject(board.doc, { kind: 'sticky', ...at, text: 'A' }, fay)
    const recipe = addObject(board.doc, { kind: 'recipe', ...at, props: { title: 'Listening circle' } }, fay)
    const src = 'a'.repeat(64)
    const picture = addObject(
      board.doc,
      { kind: 'image', ...at, props: { src, alt: 'A mural', w: 10, h: 10 } },
      fay,
    )
    const frame = addObject(board.doc, { kind: 'frame', ...at, props: { title: 'Ideas' } }, fay)
    const gone = addObject(board.doc, { kind: 'sticky', ...at, text: 'deleted before the count' }, fay)
    startVoting(facControl.doc, 3, fay)

    // a hostile participant writes their private room's votes by hand: two honest, then a frame, a
    // made-up id and a note that is deleted before voting ends, within their budget of 3
    const { token, person } = await joinSession(h.server.http, id, keys.participant, 'Voter')
    const voter = h.open(privateRoom(id, person), keys.participant, { token })
    const other = await joinSession(h.server.http, id, keys.participant, 'Other')
    const honest = h.open(privateRoom(id, other.person), keys.participant, { token: other.token })
    await Promise.all([synced(voter), synced(honest)])
    myVotesOf(voter.doc).set(frame, 1)
    myVotesOf(voter.doc).set('made-up-object-id', 1)
    myVotesOf(voter.doc).set(gone, 1)
    expect(castVote(honest.doc, note, 1, 3, pat)).toBe(true)
    expect(castVote(honest.doc, recipe, 1, 3, pat)).toBe(true)
    expect(castVote(honest.doc, picture, 1, 3, pat)).toBe(true)
    const seen = h.open(voter.provider.roomname, keys.facilitator)
    const seenHonest = h.open(honest.provider.roomname, keys.facilitator)
    await Promise.all([synced(seen), synced(seenHonest)])
    await expect.poll(() => myVotesOf(seen.doc).size).toBe(3)
    await expect.poll(() => myVotesOf(seenHonest.doc).size).toBe(3)
    deleteObjects(board.doc, [gone], fay)
    // what another person's board shows, the server has
    const watcher = h.open(id, keys.viewer)
    await synced(watcher)
    await expect
      .poll(() => [objectsOf(watcher.doc).has(picture), objectsOf(watcher.doc).has(gone)])
      .toEqual([true, false])

    const res = await fetch(`${h.server.http}/api/sessions/${id}/voting/end?key=${keys.facilitator}`, {
      method: 'POST',
    })
    expect(res.status).toBe(200)
    const counted = { [note]: 1, [recipe]: 1, [picture]: 1 }
    expect(await res.json()).toEqual({ results: counted })
    await expect.poll(() => readFacilitation(facControl.doc).results).toEqual(counted)
  })

  it('the server clock is served for timers', async () => {
    const h = await harness()
    const before = Date.now()
    const { now } = (await (await fetch(`${h.server.http}/api/time`)).json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
