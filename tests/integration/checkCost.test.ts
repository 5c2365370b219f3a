import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSession, synced } from '../helpers/server'
import { harness } from '../helpers/harness'
import { syncFrame } from '../helpers/raw'
import { encodeUpdate } from '../helpers/redteamStructs'
import { RawYClient } from '../helpers/rawClient'
import { noteTexts } from '../helpers/board'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'

/** An update just under the size cap made of 75,000 tiny map entries: as slow to check as one can be. */
function slowUpdate(client: number): Uint8Array {
  const structs = [
    new Y.Item(
      Y.createID(client, 0),
      null,
      null,
      null,
      null,
      'objects' as never,
      'o',
      new Y.ContentType(new Y.Map()),
    ),
  ]
  for (let i = 1; i < 75_000; i++)
    structs.push(
      new Y.Item(
        Y.createID(client, i),
        null,
        null,
        null,
        null,
        Y.createID(client, 0) as never,
        `${i}`,
        new Y.ContentAny([1]),
      ),
    )
  return encodeUpdate([{ client, structs }])
}

describe('updates crafted to be slow to check', () => {
  it('close the connection that sends them once they cost more than its checking budget; the room carries on', async () => {
    // a small budget, so the test does not depend on how fast this machine checks
    const h = await harness({ limits: { checkBurstMs: 5, checkMsPerSecond: 1 } })
    const { id, keys } = await createSession(h.server.http, 'collage')
    const honest = h.open(id, keys.participant)
    const reader = h.open(id, keys.viewer)
    await Promise.all([synced(honest), synced(reader)])
    const attacker = await RawYClient.open(`${h.server.ws}/${id}?key=${keys.participant}`)
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      attacker.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    const update = slowUpdate(777)
    expect(update.byteLength).toBeLessThanOrEqual(1024 * 1024)
    for (let i = 0; i < 3; i++) attacker.ws.send(syncFrame(2, update))
    expect(await closed).toEqual({ code: 1008, reason: 'updates too costly to check' })
    // honest work still goes through
    addObject(
      honest.doc,
      { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'still here' },
      createOrigin('u-h', 'H'),
    )
    await expect.poll(() => noteTexts(reader.doc)).toEqual(['still here'])
    expect((await fetch(`${h.server.http}/healthz`)).status).toBe(200)
  })
})
