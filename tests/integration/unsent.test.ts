import { describe, expect, it } from 'vitest'
import { trackUnsent } from '../../client/sync/unsent'
import { addObject, deleteObjects, moveObjects, setPlainText } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setBoardLocked } from '../../shared/ops/session'
import { controlRoom } from '../../shared/rooms'
import { NOTHING_PENDING, type PendingThings } from '../../shared/schema/changes'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import { noteTexts } from '../helpers/board'
import { harness } from '../helpers/harness'
import { createSession, synced, type Client } from '../helpers/server'

/*
 * The client's count of changes waiting to be sent (client/sync/unsent.ts), driven through the
 * stock provider against a real server: a change counts until the server has relayed it back.
 */

const ada = createOrigin('u-ada', 'Ada')
const fay = createOrigin('u-fay', 'Fay')

/** Tracks a client's unacknowledged changes; returns a getter of what waits to be sent. */
function tracked(client: Client): () => PendingThings {
  let pending = NOTHING_PENDING
  trackUnsent(client.provider, client.doc, (p) => (pending = p))
  return () => pending
}

/** Tracks a client's unacknowledged changes; returns a getter of how many things wait. */
function counted(client: Client): () => number {
  const pending = tracked(client)
  return () => pending().total
}

const note = (client: Client, text: string, origin = ada): string =>
  addObject(client.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text }, origin)

describe('changes waiting to be sent', () => {
  it('counts each change until the server has relayed it back', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const me = h.open(id, keys.participant)
    const other = h.open(id, keys.participant)
    await Promise.all([synced(me), synced(other)])
    const unsent = counted(me)
    note(me, 'one')
    note(me, 'two')
    expect(unsent()).toBe(2)
    await expect.poll(unsent).toBe(0)
    expect(noteTexts(other.doc)).toEqual(['one', 'two'])
  })

  it('offline changes, deletions alone among them, wait until the reconnect has sent them', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const me = h.open(id, keys.participant)
    const other = h.open(id, keys.participant)
    await Promise.all([synced(me), synced(other)])
    // a note of someone else's: deleting it is a change made of a deletion only
    const theirs = note(other, 'theirs', fay)
    await expect.poll(() => noteTexts(me.doc)).toEqual(['theirs'])
    const unsent = counted(me)

    me.provider.disconnect()
    note(me, 'offline one')
    note(me, 'offline two')
    deleteObjects(me.doc, [theirs], ada)
    expect(unsent()).toBe(3)
    // nothing acknowledges them while the socket is down, whatever the other client does
    note(other, 'meanwhile', fay)
    expect(unsent()).toBe(3)

    me.provider.connect()
    await expect.poll(unsent).toBe(0)
    await expect.poll(() => noteTexts(other.doc)).toEqual(['meanwhile', 'offline one', 'offline two'])
  })

  it('counts things by kind, not updates: many edits of one note are one note', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const me = h.open(id, keys.participant)
    const other = h.open(id, keys.participant)
    await Promise.all([synced(me), synced(other)])
    const theirs = note(other, 'theirs', fay)
    await expect.poll(() => noteTexts(me.doc)).toEqual(['theirs'])
    const pending = tracked(me)

    me.provider.disconnect()
    const mine = note(me, 'd')
    for (const text of ['dr', 'dra', 'draf', 'draft']) setPlainText(me.doc, mine, text, ada)
    moveObjects(me.doc, [{ id: mine, x: 40, y: 40 }], ada)
    addObject(me.doc, { kind: 'shape', canvas: 'c1', x: 0, y: 0 }, ada)
    // a deleted note is still counted as a note
    deleteObjects(me.doc, [theirs], ada)
    expect(pending()).toEqual({ total: 3, byKind: { sticky: 2, shape: 1 } })

    me.provider.connect()
    await expect.poll(() => pending().total).toBe(0)
    await expect.poll(() => noteTexts(other.doc)).toEqual(['draft'])
  })

  it('a deletion someone else made first is acknowledged by theirs', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const me = h.open(id, keys.participant)
    const other = h.open(id, keys.participant)
    await Promise.all([synced(me), synced(other)])
    const shared = note(other, 'both delete it', fay)
    await expect.poll(() => noteTexts(me.doc)).toEqual(['both delete it'])
    const unsent = counted(me)
    me.provider.disconnect()
    deleteObjects(me.doc, [shared], ada)
    deleteObjects(other.doc, [shared], fay)
    expect(unsent()).toBe(1)
    await expect.poll(() => noteTexts(other.doc)).toEqual([])
    me.provider.connect()
    await expect.poll(unsent).toBe(0)
  })

  it('changes the server drops while the board is locked stay counted until it takes them', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const facControl = h.open(controlRoom(id), keys.facilitator)
    const fac = h.open(id, keys.facilitator)
    const me = h.open(id, keys.participant)
    await Promise.all([facControl, fac, me].map(synced))
    const unsent = counted(me)
    setBoardLocked(facControl.doc, true, fay)
    await expect.poll(() => isBoardLocked(facControl.doc)).toBe(true)
    // the lock reaches the relay before the participant's write below: a facilitator marker proves it
    note(fac, 'marker', fay)
    await expect.poll(() => noteTexts(me.doc)).toEqual(['marker'])
    note(me, 'while locked')
    // the relay dropped it; the facilitator's next write comes back, ours does not
    note(fac, 'marker 2', fay)
    await expect.poll(() => noteTexts(me.doc)).toContain('marker 2')
    expect(unsent()).toBe(1)
    setBoardLocked(facControl.doc, false, fay)
    await expect.poll(unsent).toBe(0)
    await expect.poll(() => noteTexts(fac.doc)).toContain('while locked')
  })
})
