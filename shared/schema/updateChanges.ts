import * as Y from 'yjs'

/*
 * What an update would change in a document, found before it is applied.
 *
 * A Yjs update is a list of structs (new items, or GC/Skip placeholders) and a delete set. An item
 * names where it goes by its parent (a root type's name, or the id of the item holding a type) or,
 * when it has neighbours, only by them (its origin or right origin): it goes where they are. This
 * resolves every new item and every deleted item to a path in the document — the root's name, then
 * the key of each map entry (`null` for a position in a list or in text) — against the document as
 * it is and the update itself, without applying anything. Rules are then checked on the paths
 * (shared/schema/roomRules.ts).
 */

export type PathKey = string | null
/** What an item holds: a value, a string, a type, a deleted stretch… */
export type Content = Y.Item['content']

/** Where an item is: its path, which levels are new in this update, and whether it lands in deleted content. */
export interface Location {
  /** The root type's name, then one key per level down to the item itself. */
  readonly path: readonly PathKey[]
  /** For each level of `path` (0: the root), whether the item at that level is new in this update. */
  readonly fresh: readonly boolean[]
  /** It lands inside deleted content (a removed object): it changes nothing anyone can read. */
  readonly dead: boolean
}

export interface Insertion {
  readonly op: 'insert'
  readonly at: Location
  readonly id: Y.ID
  readonly content: Content
  /** Its left neighbour when written (a map entry set over its current value names that value). */
  readonly origin: Y.ID | null
  /** The update deletes it too (created and deleted in one go). */
  readonly deleted: boolean
}

export interface Deletion {
  readonly op: 'delete'
  readonly at: Location
  /** The last id of the deleted item. */
  readonly last: Y.ID
  /** What the deleted item holds (a type for an object, a value for a field). */
  readonly content: Content
}

export type Change = Insertion | Deletion

/** Why an update cannot be resolved. */
export interface Unresolved {
  readonly problem: 'missing' | 'too-deep' | 'malformed'
  readonly detail: string
}

export interface UpdateChanges {
  readonly changes: Change[]
  /** Bytes of new content (0 for an update that only deletes). */
  readonly inserts: number
}

/** Levels an item may be below its root before the update is refused as too deep. */
export const MAX_PATH_DEPTH = 48

type Struct = Y.Item | Y.GC | Y.Skip

/** An update's structs and delete set, decoded (once: the relay reads its clocks from them too). */
export interface DecodedUpdate {
  readonly structs: readonly Struct[]
  readonly ds: { readonly clients: Map<number, { clock: number; len: number }[]> }
}

/** Decodes an update (V1), or null when it does not decode. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate | null {
  try {
    return Y.decodeUpdate(update) as unknown as DecodedUpdate
  } catch {
    return null
  }
}

/** Where content goes that lands in garbage-collected content: nowhere anyone reads. */
const DEAD: Location = { path: [], fresh: [], dead: true }
type Found = { struct: Struct; fresh: boolean } | null

class Resolver {
  private readonly own = new Map<number, Struct[]>()
  private readonly docMemo = new Map<Y.Item, Location>()
  private readonly freshMemo = new Map<Y.Item, Location | null>()

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    for (const s of structs) {
      if (s instanceof Y.Skip) continue
      let list = this.own.get(s.id.client)
      if (!list) this.own.set(s.id.client, (list = []))
      list.push(s)
    }
    for (const list of this.own.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  /** Is this struct already (wholly) in the document? Yjs skips it then. */
  known(s: Struct): boolean {
    return s.id.clock + s.length <= Y.getState(this.doc.store, s.id.client)
  }

  /** The struct holding this id: in the document, else among the update's own. */
  find(id: Y.ID): Found {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      return { struct: Y.getItem(this.doc.store, id) as Y.Item | Y.GC, fresh: false }
    }
    const list = this.own.get(id.client)
    if (!list) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]!
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return { struct: s, fresh: true }
    }
    return null
  }

  /** Where an item already in the document is. */
  docLocation(item: Y.Item): Location | Unresolved {
    const chain: Y.Item[] = []
    let base: Location | undefined
    let top: Y.Item | null = null // the item holding the outermost one in the chain (null: a root)
    for (let cur: Y.Item = item; ;) {
      const memo = this.docMemo.get(cur)
      if (memo) {
        if (chain.length === 0) return memo
        base = memo
        top = cur
        break
      }
      chain.push(cur)
      if (chain.length > MAX_PATH_DEPTH) return { problem: 'too-deep', detail: 'content nested too deeply' }
      const parent = cur.parent as Y.AbstractType<unknown> | null
      if (!parent) {
        base = { path: [], fresh: [], dead: true } // garbage collected
        break
      }
      if (parent._item === null) {
        base = { path: [Y.findRootTypeKey(parent)], fresh: [false], dead: false }
        break
      }
      cur = parent._item
    }
    if (base.path.length + chain.length > MAX_PATH_DEPTH)
      return { problem: 'too-deep', detail: 'content nested too deeply' }
    for (let i = chain.length - 1; i >= 0; i--) {
      const it = chain[i]!
      const holder = i === chain.length - 1 ? top : chain[i + 1]!
      base = {
        path: [...base.path, it.parentSub],
        fresh: [...base.fresh, false],
        dead: base.dead || (holder?.deleted ?? false),
      }
      this.docMemo.set(it, base)
    }
    return base
  }

  /**
   * Where a new item of the update goes. Neighbours are followed in a loop (a long run of typed
   * characters is a long chain of them); only parents add depth, and that is capped.
   */
  freshLocation(item: Y.Item, depth = 0): Location | Unresolved {
    if (depth > MAX_PATH_DEPTH) return { problem: 'too-deep', detail: 'content nested too deeply' }
    const chain: Y.Item[] = []
    let loc: Location | Unresolved
    for (let cur = item; ;) {
      const memo = this.freshMemo.get(cur)
      if (memo !== undefined) {
        loc = memo ?? { problem: 'malformed', detail: 'items refer to each other in a loop' }
        break
      }
      this.freshMemo.set(cur, null) // in progress: a loop of references finds it
      chain.push(cur)
      if ((cur as unknown as { parent: unknown }).parent !== null) {
        loc = this.placeByParent(cur, depth)
        break
      }
      // placed by its neighbours: it goes where they are
      const neighbour = cur.origin ?? cur.rightOrigin
      const found = neighbour ? this.find(neighbour) : null
      if (found?.fresh && neighbour!.client === cur.id.client && neighbour!.clock >= cur.id.clock) {
        // Yjs does not wait for a client's own later clocks: it would stop half-way through
        loc = { problem: 'malformed', detail: 'it refers ahead of itself' }
        break
      }
      if (!neighbour || !found) {
        loc = neighbour
          ? { problem: 'missing', detail: 'its neighbour is unknown' }
          : { problem: 'malformed', detail: 'an item without a place' }
        break
      }
      if (found.struct instanceof Y.GC) {
        loc = DEAD
        break
      }
      if (!(found.struct instanceof Y.Item)) {
        loc = { problem: 'malformed', detail: 'bad neighbour' }
        break
      }
      if (!found.fresh) {
        loc = this.docLocation(found.struct)
        break
      }
      cur = found.struct
    }
    const result = 'problem' in loc ? loc : { ...loc, fresh: [...loc.fresh.slice(0, -1), true] }
    for (const c of chain) {
      if ('problem' in result) this.freshMemo.delete(c)
      else this.freshMemo.set(c, result)
    }
    return result
  }

  /** Where a new item that names its parent goes. */
  private placeByParent(item: Y.Item, depth: number): Location | Unresolved {
    const { parent } = item as unknown as { parent: string | Y.ID }
    if (typeof parent === 'string')
      return { path: [parent, item.parentSub], fresh: [false, true], dead: false }
    const found = this.find(parent)
    if (!found) return { problem: 'missing', detail: 'its parent is unknown' }
    if (found.fresh && parent.client === item.id.client && parent.clock >= item.id.clock)
      return { problem: 'malformed', detail: 'it refers ahead of itself' }
    if (found.struct instanceof Y.GC) return DEAD
    if (!(found.struct instanceof Y.Item)) return { problem: 'malformed', detail: 'bad parent' }
    const holder = found.struct
    if (!(holder.content instanceof Y.ContentType)) {
      if (holder.content instanceof Y.ContentDeleted) return DEAD
      return { problem: 'malformed', detail: 'its parent holds no type' }
    }
    const base = found.fresh ? this.freshLocation(holder, depth + 1) : this.docLocation(holder)
    if ('problem' in base) return base
    if (base.path.length >= MAX_PATH_DEPTH)
      return { problem: 'too-deep', detail: 'content nested too deeply' }
    return {
      path: [...base.path, item.parentSub],
      fresh: [...base.fresh, true],
      dead: base.dead || (!found.fresh && holder.deleted),
    }
  }

  /** The document's items a deleted range covers (those not yet deleted), in `out`. */
  docItems(client: number, clock: number, len: number, out: Y.Item[]): void {
    const structs = this.doc.store.clients.get(client)
    if (!structs) return
    const end = clock + len
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const s = structs[i]!
      if (s.id.clock >= end) break
      if (s instanceof Y.Item && !s.deleted) out.push(s)
    }
  }
}

/** Sets of [clock, clock + len) ranges per client. */
type Ranges = Map<number, { clock: number; len: number }[]>

function covers(ranges: Ranges, id: Y.ID, length: number): boolean {
  const list = ranges.get(id.client)
  if (!list) return false
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = list[mid]!
    if (id.clock < r.clock) hi = mid - 1
    else if (id.clock >= r.clock + r.len) lo = mid + 1
    else return id.clock + length <= r.clock + r.len
  }
  return false
}

/** Sorts each client's ranges and merges those that overlap or touch (a decoded delete set need be neither). */
function mergeRanges(ranges: Ranges): void {
  for (const [client, list] of ranges) {
    if (list.length < 2) continue
    list.sort((a, b) => a.clock - b.clock)
    const merged: { clock: number; len: number }[] = []
    for (const r of list) {
      const last = merged[merged.length - 1]
      if (last && r.clock <= last.clock + last.len)
        last.len = Math.max(last.len, r.clock + r.len - last.clock)
      else merged.push({ clock: r.clock, len: r.len })
    }
    ranges.set(client, merged)
  }
}

/**
 * Resolves what an update would insert and delete in `doc`, or says why it cannot be resolved:
 * something it depends on is missing, it nests too deeply, or its items make no sense.
 */
export function updateChanges(
  doc: Y.Doc,
  update: Uint8Array,
  decodedAlready?: DecodedUpdate,
): UpdateChanges | Unresolved {
  const decoded = decodedAlready ?? decodeUpdate(update)
  if (!decoded) return { problem: 'malformed', detail: 'the update does not decode' }
  const gap = heldBack(doc, decoded.structs)
  if (gap) return gap
  const resolver = new Resolver(doc, decoded.structs)
  const ds = decoded.ds.clients
  mergeRanges(ds)
  const changes: Change[] = []
  let inserts = 0
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || resolver.known(s)) continue
    // the relay trims what it has off an update before checking it (server/relay/rules.ts): a
    // struct the server has in part would be placed by Yjs elsewhere than its origin says
    if (s.id.clock < Y.getState(doc.store, s.id.client))
      return { problem: 'malformed', detail: 'it overlaps what the server has' }
    const at = resolver.freshLocation(s)
    if ('problem' in at) return at
    inserts += s.length
    changes.push({
      op: 'insert',
      at,
      id: s.id,
      origin: s.origin,
      content: s.content,
      deleted: covers(ds, s.id, s.length),
    })
  }
  for (const [client, ranges] of ds) {
    const state = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      if (clock + len > state) {
        // deleting what the document does not have yet: only the update's own new items
        const from = Math.max(clock, state)
        if (!ownRange(resolver, client, from, clock + len))
          return { problem: 'missing', detail: 'it deletes items the server does not know' }
      }
      if (clock >= state) continue
      const items: Y.Item[] = []
      resolver.docItems(client, clock, Math.min(len, state - clock), items)
      for (const item of items) {
        const at = resolver.docLocation(item)
        if ('problem' in at) return at
        changes.push({ op: 'delete', at, last: item.lastId, content: item.content })
      }
    }
  }
  return { changes, inserts }
}

/**
 * Would Yjs hold part of this update back, waiting for clocks it lacks (a gap before or between a
 * client's structs)? Then it is not checked now: the held-back part would be applied later, when the
 * gap is filled, against rules that may have changed meanwhile. The sender is asked for what is
 * missing instead, and sends it all in one update that is checked whole.
 */
function heldBack(doc: Y.Doc, structs: readonly Struct[]): Unresolved | null {
  const next = new Map<number, number>()
  for (const s of structs) {
    const client = s.id.client
    const seen = next.get(client)
    // a client listed twice: Yjs keeps only its last list, so the check must not follow the first
    if (seen !== undefined && s.id.clock < seen) return { problem: 'malformed', detail: 'one clock twice' }
    const expected = seen ?? Y.getState(doc.store, client)
    if (s instanceof Y.Skip || s.id.clock > expected)
      return { problem: 'missing', detail: 'it follows changes the server does not have' }
    next.set(client, Math.max(expected, s.id.clock + s.length))
  }
  return null
}

/** Does the update itself hold every clock of [from, to) for this client? */
function ownRange(resolver: Resolver, client: number, from: number, to: number): boolean {
  let clock = from
  while (clock < to) {
    const found = resolver.find(Y.createID(client, clock))
    if (!found || !found.fresh) return false
    clock = found.struct.id.clock + found.struct.length
  }
  return true
}
