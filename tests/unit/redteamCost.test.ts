import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { updateChanges } from '../../shared/schema/updateChanges'
import { encodeUpdate, type Range } from '../helpers/redteamStructs'

/*
 * Red team (issue #14): what one update can cost the relay's check. The relay checks every update
 * on its one thread before applying it; one that takes seconds stalls every room on the server.
 */

const ann = createOrigin('a'.repeat(43), 'Ann')

describe('red team: the cost of checking one update', () => {
  it('a delete set repeating one range is resolved once, not once a copy', () => {
    // a small board: 200 notes by one client (about 3,800 live items)
    const server = new Y.Doc()
    server.clientID = 5
    for (let i = 0; i < 200; i++)
      addObject(server, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: `n${i}`, text: 'hi' }, ann)
    const state = Y.getState(server.store, 5)
    // Found by the red team, now fixed: 1,000 copies of the range [0, state) of that client: a 3 KB update of deletions only
    // (no structs: the room-full cap does not apply; no client id is claimed). updateChanges walks
    // every copy through every item (docItems does not skip ranges already seen; Yjs does not merge
    // a decoded delete set) and pushes a Change for each: 3.8 million of them. Expected: checked in
    // well under 200 ms (the ranges merged first); got: about 1.5 s here, and a 1 MiB update of
    // such ranges (about 250,000 copies) makes the server run out of memory.
    const copies: Range[] = Array.from({ length: 1000 }, () => [5, 0, state] as const)
    const update = encodeUpdate([], copies)
    expect(update.byteLength).toBeLessThan(4000)
    // fixed: each client's ranges are merged first, so the copies resolve to the changes of one
    const once = updateChanges(server, encodeUpdate([], copies.slice(0, 1)))
    const all = updateChanges(server, update)
    if ('problem' in once || 'problem' in all) throw new Error('resolves')
    expect(all.changes.length).toBe(once.changes.length)
  }, 20_000)
})

describe('red team: the cost of checking one update (structs and their deletion)', () => {
  it('many tiny items each deleted by a range of its own: each found in the delete set by a lookup, not a scan', () => {
    const client = 4242
    const count = 40_000
    // a run of one-letter items, each after the one before (as typing makes them), and a delete set
    // with one range per item (every other clock, so the ranges cannot be one)
    const structs = Array.from({ length: count }, (_, i) =>
      i === 0
        ? new Y.Item(
            Y.createID(client, 0),
            null,
            null,
            null,
            null,
            'junk' as never,
            null,
            new Y.ContentString('a'),
          )
        : new Y.Item(
            Y.createID(client, i),
            null,
            Y.createID(client, i - 1),
            null,
            null,
            null,
            null,
            new Y.ContentString('a'),
          ),
    )
    const deletes: Range[] = []
    for (let i = 0; i < count; i += 2) deletes.push([client, i, 1])
    const update = encodeUpdate([{ client, structs }], deletes)
    // Found by the red team, now fixed: updateChanges asks covers() for each new struct whether the delete set covers it, and
    // covers() scans every range of that client (list.some): structs × ranges steps. Here 20,000
    // items and 10,000 ranges (a 175 KB update) cost 0.4–0.75 s where the same items alone cost
    // about 0.1 s; a 1 MiB update of this shape (105,000 items, 52,000 ranges) cost 4.9 s. This test
    // uses 40,000 items and 20,000 ranges (350 KB). Expected: well under
    // 200 ms, or at least no more than the same items without their delete set; got: see below.
    expect(update.byteLength).toBeLessThan(400_000)
    // fixed: covers() looks each struct up in the merged ranges (binary search); what it finds is
    // right: exactly the items its ranges cover are marked deleted (its cost is the relay benchmark's concern)
    const resolved = updateChanges(new Y.Doc(), update)
    if ('problem' in resolved) throw new Error('resolves')
    const inserts = resolved.changes.filter((c) => c.op === 'insert')
    expect(inserts.length).toBe(count)
    // every other item is deleted (the even clocks)
    const deleted = inserts
      .filter((c) => c.op === 'insert' && c.deleted)
      .map((c) => c.op === 'insert' && c.id.clock)
    expect(deleted).toEqual(Array.from({ length: count / 2 }, (_, i) => i * 2))
  }, 60_000)
})
