import WebSocket from 'ws'
import { describe, expect, it } from 'vitest'
import { newPrivateToken } from '../../shared/identity'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom, facilitatorRoom, privateRoom } from '../../shared/rooms'
import { objectsOf } from '../../shared/schema/boardDoc'
import { guidanceOf } from '../../shared/schema/controlDoc'
import { loadStoredDoc, noteTexts } from '../helpers/board'
import { harness } from '../helpers/harness'
import { refusedUpgrade } from '../helpers/raw'
import { createSession, joinSession, synced } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')
const SECRET = 'my private thought 秘密'

describe('private writing', () => {
  it('serves a private room only to its author and facilitators; others never receive its notes; reveal moves them onto the board', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const { token: annToken, person: annId } = await joinSession(h.server.http, id, keys.participant, 'Ann')
    const annRoom = privateRoom(id, annId)

    // a raw participant socket on the board and control rooms records every byte it is sent
    const received: Buffer[] = []
    const spies = [id, controlRoom(id)].map((room) => {
      const ws = new WebSocket(`${h.server.ws}/${room}?key=${keys.participant}`)
      ws.on('message', (d: Buffer) => received.push(d))
      return ws
    })
    const ann = h.open(annRoom, keys.participant, { token: annToken })
    await synced(ann)
    addObject(ann.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: SECRET }, createOrigin(annId, 'Ann'))

    // the facilitator can read it…
    const fac = h.open(annRoom, keys.facilitator)
    await synced(fac)
    await expect.poll(() => noteTexts(fac.doc)).toEqual([SECRET])
    // …nobody else can open the room
    const base = `${h.server.ws}/${annRoom}`
    expect((await refusedUpgrade(`${base}?key=${keys.participant}`)).status).toBe(403)
    expect((await refusedUpgrade(`${base}?key=${keys.participant}&token=${newPrivateToken()}`)).status).toBe(
      403,
    )
    // a token the server issued to someone else proves that person, not Ann
    const { token: benToken } = await joinSession(h.server.http, id, keys.participant, 'Ben')
    expect((await refusedUpgrade(`${base}?key=${keys.participant}&token=${benToken}`)).status).toBe(403)

    // a marker through the board proves the spies were listening while the secret existed
    const board = h.open(id, keys.facilitator)
    await synced(board)
    addObject(board.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'marker' }, fay)
    await expect.poll(() => Buffer.concat(received).includes('marker')).toBe(true)
    expect(Buffer.concat(received).includes(Buffer.from(SECRET))).toBe(false)

    // reveal: only the facilitator may; the note moves onto the board with its author
    const reveal = (key: string) =>
      fetch(`${h.server.http}/api/sessions/${id}/reveal?key=${key}`, { method: 'POST' })
    expect((await reveal(keys.participant)).status).toBe(403)
    const res = await reveal(keys.facilitator)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ revealed: 1 })
    await expect.poll(() => noteTexts(board.doc).sort()).toEqual(['marker', SECRET].sort())
    await expect.poll(() => noteTexts(ann.doc)).toEqual([])
    await expect.poll(() => Buffer.concat(received).includes(Buffer.from(SECRET))).toBe(true)
    const { doc: stored } = await loadStoredDoc(h.server.storage, id)
    expect(noteTexts(stored).sort()).toEqual(['marker', SECRET].sort())
    spies.forEach((ws) => ws.terminate())
  })
})

describe('Reveal', () => {
  it('notes three people wrote privately on the same spot come out side by side, none hidden under another', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const board = h.open(id, keys.facilitator)
    await synced(board)
    addObject(board.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'already here' }, fay)
    for (const name of ['Ann', 'Ben', 'Chen']) {
      const { token, person } = await joinSession(h.server.http, id, keys.participant, name)
      const own = h.open(privateRoom(id, person), keys.participant, { token })
      await synced(own)
      for (const n of [1, 2])
        addObject(
          own.doc,
          { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: `${name} ${n}` },
          createOrigin(person, name),
        )
      await expect.poll(() => h.server.storage.listRooms(privateRoom(id, person))).toHaveLength(1)
    }
    const res = await fetch(`${h.server.http}/api/sessions/${id}/reveal?key=${keys.facilitator}`, {
      method: 'POST',
    })
    expect(await res.json()).toEqual({ revealed: 6 })
    await expect.poll(() => noteTexts(board.doc)).toHaveLength(7)
    const notes = (doc: typeof board.doc) =>
      [...objectsOf(doc).values()].filter((o) => o.get('kind') === 'sticky')
    const boxes = notes(board.doc).map((o) => ({ x: o.get('x') as number, y: o.get('y') as number }))
    // notes are 200 × 200: no two closer than that on both axes
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 200, JSON.stringify([a, b])).toBe(true)
    expect(boxes).toContainEqual({ x: 0, y: 0 }) // the note already there stays
    const { doc: stored } = await loadStoredDoc(h.server.storage, id)
    expect(
      notes(stored)
        .map((o) => [o.get('x'), o.get('y')])
        .sort(),
    ).toEqual(boxes.map((b) => [b.x, b.y]).sort())
  })
})

describe('the facilitator room', () => {
  it('holds the agenda guidance, served to facilitators only', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const base = `${h.server.ws}/${facilitatorRoom(id)}`
    expect((await refusedUpgrade(`${base}?key=${keys.participant}`)).status).toBe(403)
    expect((await refusedUpgrade(`${base}?key=${keys.viewer}`)).status).toBe(403)
    const fac = h.open(facilitatorRoom(id), keys.facilitator)
    await synced(fac)
    expect(guidanceOf(fac.doc).size).toBe(6)
  })
})
