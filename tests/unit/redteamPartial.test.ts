import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import type { Writer } from '../../shared/schema/rules'
import { encodeUpdate, item } from '../helpers/redteamStructs'

/*
 * Red team (issue #14): an update the rules check whole, that Yjs applies only in part. The relay
 * keeps (stores and relays) what Yjs integrated before it threw (server/relay/connection.ts,
 * Connection.update), so each part must keep the rules on its own.
 */

const mal = createOrigin('m'.repeat(43), 'Mallory')
const malWrites: Writer = { role: 'participant', self: 'm'.repeat(43), protect: true }

/** The fields a valid note of Mallory's has, as the honest command writes them. */
function noteFields(id: string): [string, unknown][] {
  const d = new Y.Doc()
  addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id, text: '' }, mal)
  return [...objectsOf(d).get(id)!.entries()].filter(([k]) => k !== 'text' && k !== 'kind')
}

describe('red team: an update Yjs applies in part', () => {
  it('an item whose origin is a later clock of its own client makes Yjs stop half-way', () => {
    const server = new Y.Doc()
    const c = 900
    const id = 'evil'
    const at = (clock: number) => Y.createID(c, clock)
    const fields = noteFields(id)
    const structs: Y.Item[] = [
      item(at(0), new Y.ContentType(new Y.Map()), { parent: 'objects', parentSub: id }),
    ]
    for (const [key, value] of fields)
      structs.push(item(at(structs.length), new Y.ContentAny([value]), { parent: at(0), parentSub: key }))
    structs.push(
      item(at(structs.length), new Y.ContentType(new Y.XmlFragment()), { parent: at(0), parentSub: 'text' }),
    )
    // the trap: its origin is the next clock of its own client, which Yjs has not integrated yet
    // (getMissing does not wait for its own client), so getItemCleanEnd throws
    const trap = structs.length
    structs.push(item(at(trap), new Y.ContentAny(['sticky']), { origin: at(trap + 1) }))
    structs.push(item(at(trap + 1), new Y.ContentAny(['sticky']), { parent: at(0), parentSub: 'kind' }))
    const update = encodeUpdate([{ client: c, structs }])

    // Found by the red team, now fixed: updateChanges follows the trap's origin to the `kind` item later in the same update
    // and sees a whole, valid note of Mallory's; Yjs integrates the object and its fields, then
    // throws on the trap, so `kind` never arrives. The relay keeps what was integrated (stored and
    // relayed, see Connection.update): a note with no kind, which does not read as an object.
    // Expected: refused ('invalid': an
    // origin ahead of the item in its own client's clocks cannot be integrated); got: taken, and
    // an object that does not read is left in the document.
    const refusal = checkRoomUpdate('board', server, update, malWrites)
    if (!refusal)
      try {
        Y.applyUpdate(server, update)
      } catch {
        // as Connection.update: what Yjs integrated stays
      }
    const left = objectsOf(server).get(id)
    expect({
      refusal: refusal?.code ?? null,
      reads: left === undefined || readObject(id, left).ok,
    }).toEqual({ refusal: 'invalid', reads: true })
  })
})
