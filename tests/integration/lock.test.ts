import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setBoardLocked } from '../../shared/ops/session'
import { controlRoom } from '../../shared/rooms'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import { harness } from '../helpers/harness'
import { noteTexts, loadStoredDoc } from '../helpers/board'
import { createSession, synced } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')
const pat = createOrigin('u-pat', 'Pat')

describe('lock board', () => {
  it('drops participants’ board writes while locked (not applied, stored or relayed), facilitators still write', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const facControl = h.open(controlRoom(id), keys.facilitator)
    const fac = h.open(id, keys.facilitator)
    const part = h.open(id, keys.participant)
    const partControl = h.open(controlRoom(id), keys.participant)
    await Promise.all([fac, part, facControl, partControl].map(synced))

    addObject(part.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'before lock' }, pat)
    await expect.poll(() => noteTexts(fac.doc)).toEqual(['before lock'])

    setBoardLocked(facControl.doc, true, fay)
    await expect.poll(() => isBoardLocked(partControl.doc)).toBe(true)
    addObject(part.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'while locked' }, pat)
    addObject(fac.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'facilitator while locked' }, fay)
    // the facilitator's later write arrives, so the participant's earlier one would have too
    await expect.poll(() => noteTexts(part.doc)).toContain('facilitator while locked')
    expect(noteTexts(fac.doc)).toEqual(['before lock', 'facilitator while locked'])
    const { doc: stored } = await loadStoredDoc(h.server.storage, id)
    expect(noteTexts(stored)).toEqual(['before lock', 'facilitator while locked'])

    setBoardLocked(facControl.doc, false, fay)
    await expect.poll(() => isBoardLocked(partControl.doc)).toBe(false)
    addObject(part.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'after unlock' }, pat)
    // the unlock asks everyone for what the server lacks: the write made during the lock (by a client
    // that had not yet seen it) arrives now, so the participant's later writes do not stay stuck behind it
    await expect.poll(() => noteTexts(fac.doc)).toContain('after unlock')
    expect(noteTexts(fac.doc)).toContain('while locked')
  })

  it('holds for a participant connected only to the board, and a participant cannot unlock', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const facControl = h.open(controlRoom(id), keys.facilitator)
    await synced(facControl)
    setBoardLocked(facControl.doc, true, fay)
    const sneaky = h.open(controlRoom(id), keys.participant)
    await synced(sneaky)
    await expect.poll(() => isBoardLocked(sneaky.doc)).toBe(true)
    setBoardLocked(sneaky.doc, false, pat) // dropped by the server: the control room is the facilitators'
    const part = h.open(id, keys.participant)
    const fac = h.open(id, keys.facilitator)
    await Promise.all([synced(part), synced(fac)])
    addObject(part.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'sneaked' }, pat)
    addObject(fac.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'marker' }, fay)
    await expect.poll(() => noteTexts(part.doc)).toContain('marker')
    expect(noteTexts(fac.doc)).toEqual(['marker'])
    expect(isBoardLocked(facControl.doc)).toBe(true)
  })
})
