import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject, textOf } from '../../shared/schema/boardDoc'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import type { Writer } from '../../shared/schema/rules'
import { encodeUpdate, item } from '../helpers/redteamStructs'

/*
 * Red team (issue #14): a V1 update lists its structs in runs, one per client; nothing stops a
 * client's run from appearing twice. Y.decodeUpdate (what the relay checks) returns both runs;
 * Y.applyUpdate keeps only the last run of each client (readClientsStructRefs sets a map entry per
 * run). Two different items at one id: the check and Yjs can disagree on where a third one goes.
 */

const ann = createOrigin('a'.repeat(43), 'Ann')
const mal = createOrigin('m'.repeat(43), 'Mallory')
const malWrites: Writer = { role: 'participant', self: 'm'.repeat(43), protect: false }

describe('red team: one client twice in an update', () => {
  it('an item placed after an id the update holds twice goes where Yjs puts it, and is checked there', () => {
    const server = new Y.Doc()
    server.clientID = 1
    addObject(server, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'ann-note', text: 'Ann' }, ann)
    server.clientID = 2
    addObject(server, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'mal-note', text: 'Mal' }, mal)
    const annMap = objectsOf(server).get('ann-note') as Y.Map<unknown>
    const malText = (textOf(server, 'mal-note')!.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const [a, b] = [500, 600]
    // run 1 of client a: a letter in Mallory's own note (allowed)
    const decoy = item(Y.createID(a, 0), new Y.ContentString('q'), { origin: malText._start!.id })
    // run 2 of client a, same id: Ann's note moved to x = 7 (allowed on a board that does not protect)
    const real = item(Y.createID(a, 0), new Y.ContentAny([7]), { parent: annMap._item!.id, parentSub: 'x' })
    // client b: placed after (a, 0), holding what text may hold but no field may
    const rider = item(Y.createID(b, 0), new Y.ContentAny(['far away']), { origin: Y.createID(a, 0) })
    const update = encodeUpdate([
      { client: a, structs: [decoy] },
      { client: b, structs: [rider] },
      { client: a, structs: [real] },
    ])

    // Found by the red team, now fixed: updateChanges finds (a, 0) among the update's own structs by a binary search over
    // both runs and gets the decoy, so the rider is checked as text in Mallory's own note (any value
    // goes in text). Yjs integrates only the last run of client a: the rider follows the real (a, 0)
    // into Ann's note's `x`, and becomes its value. Expected: refused ('invalid': one id twice, or
    // not a valid x); got: taken, and Ann's note's x is "far away" (it no longer reads as an object).
    const refusal = checkRoomUpdate('board', server, update, malWrites)
    if (!refusal) Y.applyUpdate(server, update)
    expect({
      refusal: refusal?.code ?? null,
      x: annMap.get('x'),
      reads: readObject('ann-note', annMap).ok,
    }).toEqual({ refusal: 'invalid', x: 0, reads: true })
  })
})
