import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { commitmentsOf, readCommitments, readSessionInfo, sessionMapOf } from '../../shared/schema/controlDoc'
import { controlRoom } from '../../shared/rooms'
import { loadStoredDoc, noteTexts } from '../helpers/board'
import { harness } from '../helpers/harness'
import { refusedUpgrade } from '../helpers/raw'
import { createSession, synced, type Client } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')
const pat = createOrigin('u-pat', 'Pat')
const vic = createOrigin('u-vic', 'Vic')

/**
 * Changes a client's awareness and waits until `observer` sees it. Both go over the same socket
 * after anything the client sent before, so once it arrives the server has handled those too.
 */
async function barrier(client: Client, observer: Client, value: string): Promise<void> {
  // the relay passes on presence states with a user only
  client.provider.awareness.setLocalState({ user: { name: 'Barrier' }, barrier: value })
  await expect
    .poll(
      () =>
        (observer.provider.awareness.getStates().get(client.doc.clientID) as { barrier?: string } | undefined)
          ?.barrier,
    )
    .toBe(value)
}

describe('roles on the relay', () => {
  it('a viewer reads everything, and its writes reach no one and are not stored', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const participant = h.open(id, keys.participant)
    await synced(participant)
    addObject(participant.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'existing' }, pat)

    const viewer = h.open(id, keys.viewer)
    // the viewer's sync request is answered: it sees what was there
    await expect.poll(() => noteTexts(viewer.doc)).toEqual(['existing'])
    await synced(viewer)
    addObject(viewer.doc, { kind: 'sticky', canvas: 'c1', x: 50, y: 0, text: 'from the viewer' }, vic)
    await barrier(viewer, participant, 'after the viewer’s note')

    const facilitator = h.open(id, keys.facilitator)
    await synced(facilitator)
    addObject(
      facilitator.doc,
      { kind: 'sticky', canvas: 'c1', x: 100, y: 0, text: 'from the facilitator' },
      fay,
    )
    // delivery works (the facilitator's later note arrives), and the viewer's earlier one never does
    await expect.poll(() => noteTexts(participant.doc)).toEqual(['existing', 'from the facilitator'])
    // the viewer still receives others' edits
    await expect
      .poll(() => noteTexts(viewer.doc))
      .toEqual(['existing', 'from the facilitator', 'from the viewer'])

    await h.server.app.relay.flushed()
    const stored = await loadStoredDoc(h.server.storage, id)
    expect(noteTexts(stored.doc)).toEqual(['existing', 'from the facilitator'])

    await h.restart()
    const fresh = h.open(id, keys.participant)
    await synced(fresh)
    expect(noteTexts(fresh.doc)).toEqual(['existing', 'from the facilitator'])
  })

  it('a participant cannot write the control room; the facilitator can', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'sense-making', 'Neighbourhood meeting')
    const room = controlRoom(id)
    const participant = h.open(room, keys.participant)
    const facilitator = h.open(room, keys.facilitator)
    const observer = h.open(room, keys.viewer)
    await Promise.all([synced(participant), synced(facilitator), synced(observer)])
    const commitmentsBefore = readCommitments(observer.doc)
    expect(commitmentsBefore.length).toBeGreaterThan(0)
    expect(readSessionInfo(observer.doc).title).toBe('Neighbourhood meeting')

    participant.doc.transact(() => {
      sessionMapOf(participant.doc).set('title', 'Hijacked')
      commitmentsOf(participant.doc).push(['from the participant'])
    }, pat)
    await barrier(participant, observer, 'after the participant’s write')
    facilitator.doc.transact(() => commitmentsOf(facilitator.doc).push(['from the facilitator']), fay)

    await expect
      .poll(() => readCommitments(observer.doc))
      .toEqual([...commitmentsBefore, 'from the facilitator'])
    expect(readSessionInfo(observer.doc).title).toBe('Neighbourhood meeting')

    // a participant may still write the board room
    const board = h.open(id, keys.participant)
    const boardObserver = h.open(id, keys.viewer)
    await Promise.all([synced(board), synced(boardObserver)])
    addObject(board.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'participant on the board' }, pat)
    await expect.poll(() => noteTexts(boardObserver.doc)).toEqual(['participant on the board'])

    await h.server.app.relay.flushed()
    const stored = await loadStoredDoc(h.server.storage, room)
    expect(readCommitments(stored.doc)).toEqual([...commitmentsBefore, 'from the facilitator'])
    expect(readSessionInfo(stored.doc).title).toBe('Neighbourhood meeting')
  })
})

describe('session keys', () => {
  it('are at least 128 bits, differ per role, and open only their own session', async () => {
    const h = await harness()
    const a = await createSession(h.server.http)
    const b = await createSession(h.server.http)
    for (const s of [a, b]) {
      const keys = Object.values(s.keys)
      for (const key of keys) {
        expect(key).toMatch(/^[A-Za-z0-9_-]{22,}$/)
        expect(Buffer.from(key, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
      }
      expect(new Set(keys).size).toBe(3)
    }
    expect(new Set([...Object.values(a.keys), ...Object.values(b.keys)]).size).toBe(6)

    const own = await fetch(`${h.server.http}/api/sessions/${a.id}?key=${a.keys.facilitator}`)
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ id: a.id, role: 'facilitator' })
    const other = await fetch(`${h.server.http}/api/sessions/${b.id}?key=${a.keys.facilitator}`)
    expect(other.status).toBe(403)
    expect(await other.json()).toEqual({ error: expect.any(String) })
    expect((await refusedUpgrade(`${h.server.ws}/${b.id}?key=${a.keys.facilitator}`)).status).toBe(403)
    expect((await refusedUpgrade(`${h.server.ws}/${b.id}/control?key=${a.keys.facilitator}`)).status).toBe(
      403,
    )
    const del = await fetch(`${h.server.http}/api/sessions/${b.id}?key=${a.keys.facilitator}`, {
      method: 'DELETE',
    })
    expect(del.status).toBe(403)
    expect((await fetch(`${h.server.http}/api/sessions/${b.id}?key=${b.keys.viewer}`)).status).toBe(200)
  })
})
