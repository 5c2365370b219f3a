import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { noteTexts } from '../helpers/board'
import { harness } from '../helpers/harness'
import { syncFrame } from '../helpers/raw'
import { RawYClient } from '../helpers/rawClient'
import { createSession, joinSession, synced } from '../helpers/server'

/** The reasons of the permission-denied messages a raw socket receives. */
function refusals(client: RawYClient): string[] {
  const out: string[] = []
  client.ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(d) !== 2 || decoding.readVarUint(d) !== 0) return
    out.push(decoding.readVarString(d))
  })
  return out
}

describe('client ids belong to who writes under them', () => {
  it('an attacker cannot write under an honest client’s id to take the clocks its next changes need', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'collage')
    const { token, person } = await joinSession(h.server.http, id, keys.participant, 'Ann')
    const ann = createOrigin(person, 'Ann')
    const honest = h.open(id, keys.participant, { token })
    const reader = h.open(id, keys.viewer)
    await Promise.all([synced(honest), synced(reader)])
    addObject(honest.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'first' }, ann)
    await expect.poll(() => noteTexts(reader.doc)).toEqual(['first'])

    // the attacker copies the board and writes a valid note under Ann's client id, at her next clock
    const attacker = await RawYClient.open(`${h.server.ws}/${id}?key=${keys.participant}`)
    const told = refusals(attacker)
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(honest.doc))
    forged.clientID = honest.doc.clientID // after the copy: Yjs would pick a new id on seeing its own
    const before = Y.encodeStateVector(forged)
    addObject(forged, { kind: 'sticky', canvas: 'c1', x: 9, y: 9, text: 'forged' }, createOrigin('u-x', 'X'))
    attacker.ws.send(syncFrame(2, Y.encodeStateAsUpdate(forged, before)))
    await expect.poll(() => told.length).toBe(1)
    expect(JSON.parse(told[0]!)).toMatchObject({ code: 'not-yours' })

    // Ann's next note, at the clocks the attacker tried to take, still reaches everyone
    addObject(honest.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'second' }, ann)
    await expect.poll(() => noteTexts(reader.doc)).toEqual(['first', 'second'])
    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN)
  })
})
