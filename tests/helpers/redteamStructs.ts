import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/*
 * Updates written struct by struct (red team, issue #14): what Yjs itself never makes from a
 * document, but decodes and applies — items with any origin, right origin, parent and content,
 * and delete sets of any ranges.
 */

/** One client's run of structs, in clock order from its first. */
export interface StructRun {
  readonly client: number
  readonly structs: readonly Y.Item[]
}

/** A delete set range: [client, clock, length]. */
export type Range = readonly [number, number, number]

/** A V1 update of these runs of items and this delete set (ranges written as given, unmerged). */
export function encodeUpdate(runs: readonly StructRun[], deletes: readonly Range[] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, runs.length)
  for (const { client, structs } of runs) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock)
    for (const s of structs) s.write(encoder, 0)
  }
  const byClient = new Map<number, [number, number][]>()
  for (const [client, clock, len] of deletes) {
    let list = byClient.get(client)
    if (!list) byClient.set(client, (list = []))
    list.push([clock, len])
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(encoder.restEncoder, clock)
      encoding.writeVarUint(encoder.restEncoder, len)
    }
  }
  return encoder.toUint8Array()
}

/** An item placed by its neighbours (`origin`, `rightOrigin`), or, without them, by `parent` and `parentSub`. */
export function item(
  id: Y.ID,
  content: Y.Item['content'],
  place: {
    origin?: Y.ID | null
    rightOrigin?: Y.ID | null
    parent?: string | Y.ID | null
    parentSub?: string | null
  },
): Y.Item {
  return new Y.Item(
    id,
    null,
    place.origin ?? null,
    null,
    place.rightOrigin ?? null,
    (place.parent ?? null) as unknown as Y.AbstractType<unknown>,
    place.parentSub ?? null,
    content,
  )
}
