import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** y-websocket's sync message type, and y-protocols' sync sub-types. */
const MESSAGE_SYNC = 0
const SYNC_STEP1 = 0

/** A local change not yet acknowledged: this client's clock after it, and the deletions it made. */
interface Unacked {
  readonly clock: number
  /** [client, clock, end) ranges this change deleted that no server message has covered yet. */
  deletions: [number, number, number][]
}

/**
 * Counts this client's changes (one per local transaction) that the server has not acknowledged.
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
  onCount: (count: number) => void,
): () => void {
  let unacked: Unacked[] = []
  let ackedClock = 0
  const me = doc.clientID

  const settle = (): void => {
    const before = unacked.length
    unacked = unacked.filter((c) => c.clock > ackedClock || c.deletions.length > 0)
    if (unacked.length !== before) onCount(unacked.length)
  }

  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === provider) return // from the server: nothing to send
    const { structs, ds } = Y.decodeUpdate(update)
    const mine = structs.some((s) => s.id.client === me)
    // a change with structs of its own is acknowledged with them (the server applies an update
    // whole), so only a change made of deletions alone waits for them to be covered
    const deletions: [number, number, number][] = []
    if (!mine) {
      for (const [client, items] of ds.clients)
        for (const d of items) deletions.push([client, d.clock, d.clock + d.len])
    }
    unacked.push({ clock: Y.getState(doc.store, me), deletions })
    onCount(unacked.length)
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
  return () => {
    doc.off('update', onUpdate)
    provider.messageHandlers[MESSAGE_SYNC] = stock
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
