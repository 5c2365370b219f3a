import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  changedThings,
  kindsNow,
  learnKinds,
  NOTHING_PENDING,
  type PendingThings,
  type ThingKind,
} from '../../shared/schema/changes'

/** y-websocket's sync message type, and y-protocols' sync sub-types. */
const MESSAGE_SYNC = 0
const SYNC_STEP1 = 0

/** A local change not yet acknowledged: this client's clock after it, and the deletions it made. */
interface Unacked {
  readonly clock: number
  /** [client, clock, end) ranges this change deleted that no server message has covered yet. */
  deletions: [number, number, number][]
  /** The things (objects, settings) it changed, by key. */
  readonly things: readonly string[]
}

/** What this client changed that the server has not acknowledged. */
export interface UnsentTracker {
  /** The keys of the things (object ids, `root/entry` settings) its unacknowledged changes touched. */
  unsentKeys(): ReadonlySet<string>
  /** The kind of a thing an unacknowledged change touched (an object deleted since is still known). */
  kindOf(key: string): ThingKind | undefined
  stop(): void
}

/**
 * Counts what this client changed that the server has not acknowledged: the distinct things (a
 * note, an image, a setting) its unacknowledged changes touched, so ten keystrokes in one note are
 * "1 note". A change is one local transaction.
 * The relay stores an update before it relays it, and relays it to its author too, so a change is
 * acknowledged once a message from the server holds it: an update or sync step 2 with this
 * client's structs up to its clock, and, for deletions, ranges covering them; or a sync step 1
 * (the server's state vector, sent on every connect) at or past its clock. Changes made offline
 * stay counted until the reconnect's sync has gone round; a change the server never takes (a
 * locked board) stays counted until it does.
 */
export function trackUnsent(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onCount: (pending: PendingThings) => void,
): UnsentTracker {
  let unacked: Unacked[] = []
  let ackedClock = 0
  const me = doc.clientID
  const known = kindsNow(doc)
  const kindOf = new Map<string, ThingKind>()
  let reported = NOTHING_PENDING

  const report = (): void => {
    const waiting = new Set(unacked.flatMap((c) => c.things))
    const byKind: Partial<Record<ThingKind, number>> = {}
    for (const key of waiting) {
      const kind = kindOf.get(key) ?? 'other'
      byKind[kind] = (byKind[kind] ?? 0) + 1
    }
    for (const key of kindOf.keys()) if (!waiting.has(key)) kindOf.delete(key)
    const next = { total: waiting.size, byKind }
    if (JSON.stringify(next) === JSON.stringify(reported)) return
    reported = next
    onCount(next)
  }

  const settle = (): void => {
    const before = unacked.length
    unacked = unacked.filter((c) => c.clock > ackedClock || c.deletions.length > 0)
    if (unacked.length !== before) report()
  }

  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    if (origin === provider) return learnKinds(tr, known) // from the server: nothing to send
    const things = changedThings(tr, known)
    for (const thing of things) kindOf.set(thing.key, thing.kind)
    const { structs, ds } = Y.decodeUpdate(update)
    const mine = structs.some((s) => s.id.client === me)
    // a change with structs of its own is acknowledged with them (the server applies an update
    // whole), so only a change made of deletions alone waits for them to be covered
    const deletions: [number, number, number][] = []
    if (!mine) {
      for (const [client, items] of ds.clients)
        for (const d of items) deletions.push([client, d.clock, d.clock + d.len])
    }
    unacked.push({ clock: Y.getState(doc.store, me), deletions, things: things.map((t) => t.key) })
    report()
  }

  const fromServer = (sub: number, payload: Uint8Array): void => {
    if (unacked.length === 0) return
    if (sub === SYNC_STEP1) {
      ackedClock = Math.max(ackedClock, Y.decodeStateVector(payload).get(me) ?? 0)
    } else {
      ackedClock = Math.max(ackedClock, Y.parseUpdateMeta(payload).to.get(me) ?? 0)
      if (unacked.some((c) => c.deletions.length > 0)) cover(unacked, Y.decodeUpdate(payload).ds)
    }
    settle()
  }

  // see every sync message before the stock handler applies it
  const stock = provider.messageHandlers[MESSAGE_SYNC]!
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    try {
      const peek = decoding.clone(decoder)
      const sub = decoding.readVarUint(peek)
      fromServer(sub, decoding.readVarUint8Array(peek))
    } catch {
      // not ours to judge: the stock handler reads (or rejects) the message as it always does
    }
    stock(encoder, decoder, p, emitSynced, type)
  }
  doc.on('update', onUpdate)
  return {
    unsentKeys: () => new Set(unacked.flatMap((c) => c.things)),
    kindOf: (key) => kindOf.get(key),
    stop: () => {
      doc.off('update', onUpdate)
      provider.messageHandlers[MESSAGE_SYNC] = stock
    },
  }
}

/** Removes from each change's deletions the parts a server delete set covers. */
function cover(unacked: Unacked[], ds: ReturnType<typeof Y.decodeUpdate>['ds']): void {
  for (const change of unacked) {
    if (change.deletions.length === 0) continue
    let left = change.deletions
    for (const [client, items] of ds.clients) {
      for (const d of items) left = left.flatMap((r) => subtract(r, client, d.clock, d.clock + d.len))
    }
    change.deletions = left
  }
}

function subtract(
  range: [number, number, number],
  client: number,
  from: number,
  to: number,
): [number, number, number][] {
  const [c, start, end] = range
  if (c !== client || to <= start || from >= end) return [range]
  const out: [number, number, number][] = []
  if (from > start) out.push([c, start, from])
  if (to < end) out.push([c, to, end])
  return out
}
