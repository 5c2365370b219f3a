import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { objectsOf } from '../../shared/schema/boardDoc'
import { noteTexts } from '../helpers/board'
import { board, expectHeld, note } from '../helpers/hostile'
import { synced, type Client } from '../helpers/server'

/*
 * A hostile participant writes under another person's Yjs client id: the ids are public (every
 * update carries its author's, and awareness shows them), and Yjs takes an item whose id it already
 * has to be that item. Whoever writes first at a client's next clocks wins, on every replica.
 */

/** The board's objects, comparably (key order aside). */
const objectsJson = (c: Client): string =>
  JSON.stringify(Object.entries(objectsOf(c.doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)))

describe('someone else’s client id', () => {
  /*
   * BUG (server/relay: connection.ts checked() / shared/schema/updateChanges.ts): nothing ties the
   * structs of an update to its sender. Mallory writes a note under Ann's client id, at the clocks
   * Ann's offline (or in-flight) work already uses; the relay takes it. When Ann reconnects, her
   * structs at those clocks are skipped as known by the server and every other client: her note is
   * lost for everyone but her, the others get Mallory's note with the tail of Ann's text spliced in
   * ("squatter" + "ine" of "Ann offline"), and Ann's document never converges with theirs again.
   * Seen with this test before the fix: Ann ['Ann first', 'Ann offline', …], Ben ['Ann first',
   * 'squatterine', …]. A fix needs the relay to refuse structs under a client id that another writer
   * has used in the room (bound to the proving token's owner id, or to the connection for tokenless
   * writers, kept while the room is open and restored from who wrote it when loaded), e.g.
   * { code: 'not-yours', field: 'client' }.
   */
  it('a note written under an offline participant’s client id: refused; her offline work reaches everyone', async () => {
    const b = await board('collage')
    await note(b, b.annClient, b.ann.origin, 'Ann first')
    const annId = b.annClient.doc.clientID
    b.annClient.provider.disconnect()
    addObject(
      b.annClient.doc,
      { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'Ann offline' },
      b.ann.origin,
    )

    const squat = b.attacker.craft(
      (d) =>
        void addObject(
          d,
          { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text: 'squatter' },
          b.mallory.origin,
        ),
      annId,
    )
    expect(Y.parseUpdateMeta(squat.update).from.get(annId)).toBe(
      Y.decodeStateVector(Y.encodeStateVector(b.fac.doc)).get(annId),
    )
    const denial = await b.attacker.attempt(squat)
    b.annClient.provider.connect()
    await synced(b.annClient)
    await note(b, b.benClient, b.ben.origin, 'after Ann is back').catch(() => {})
    for (const c of b.honest)
      await expect.poll(() => noteTexts(c.doc), { timeout: 2000 }).toContain('Ann offline')
    expect(noteTexts(b.fac.doc).filter((t) => t.includes('squatter'))).toEqual([])
    expect(objectsJson(b.annClient)).toBe(objectsJson(b.benClient))
    expect(denial).not.toBeNull()
    await expectHeld(b)
  })
})
