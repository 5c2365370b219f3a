import * as Y from 'yjs'

/*
 * Updates whose dependencies are missing.
 *
 * Yjs applies what it can of an update and keeps the rest (structs after a gap in a client's clock,
 * items whose origin or parent it has not seen, deletions of unknown items) in the document's
 * pending structs and deletions, forever if what is missing never comes. Nothing of the pending part
 * is stored or relayed (the document's update event carries only what was integrated), but it
 * costs memory, Yjs retries the pending deletions on every later update, and both
 * `encodeStateAsUpdate` and sync step 2 include it, so a compaction or a newcomer's sync would
 * spread it.
 *
 * Decision: a relay keeps pending data only briefly and only a little of it. A stock client syncs
 * before it writes, so its updates depend only on what the server has; the one legitimate case of a
 * gap is an update written on top of writes the relay dropped (a locked board), which the relay
 * repairs by asking for the missing part with sync step 1 (here, and when the lock lifts). So:
 * - the relay asks the author for what is missing at once (sync step 1; a stock client answers);
 * - past `maxBytes` of pending data, it is dropped and the connection that grew it is closed;
 * - pending data still waiting after `timeoutMs` is dropped;
 * - compaction and sync step 2 never include pending data.
 * Dropping loses nothing durable: the pending part was never stored or relayed, and its author
 * still has it and sends it again in its next sync, when it can apply.
 */

export interface PendingLimits {
  /** Pending structs and deletions (encoded bytes) a room's document may hold. */
  readonly maxBytes: number
  /** How long they may wait for what is missing. */
  readonly timeoutMs: number
}

/** Encoded bytes of a document's pending structs and deletions (0 when nothing waits). */
export function pendingBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0)
}

/** Forgets a document's pending structs and deletions. */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/** The document's state as one update (or the part a state vector lacks), without pending data. */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store
  if (!pendingStructs && !pendingDs) return Y.encodeStateAsUpdate(doc, stateVector)
  dropPending(doc)
  try {
    return Y.encodeStateAsUpdate(doc, stateVector)
  } finally {
    doc.store.pendingStructs = pendingStructs
    doc.store.pendingDs = pendingDs
  }
}

/** What an applied update did to the pending data. */
export type PendingVerdict = 'none' | 'waiting' | 'new' | 'over-limit'

const expiries = new WeakMap<Y.Doc, ReturnType<typeof setTimeout>>()
/** Documents whose destroy already clears their expiry timer. */
const hooked = new WeakSet<Y.Doc>()

/**
 * Checks a document after a peer's update was applied (`before`: its pending bytes just before).
 * 'new': something now waits that did not (ask the author for it); 'over-limit': it grew past the
 * limit and has been dropped (close the author). Pending data is dropped after the timeout, and
 * `onExpired` called with the bytes dropped.
 */
export function checkPending(
  doc: Y.Doc,
  before: number,
  limits: PendingLimits,
  onExpired: (bytes: number) => void,
): PendingVerdict {
  const after = pendingBytes(doc)
  if (after === 0) {
    clearTimeout(expiries.get(doc))
    expiries.delete(doc)
    return 'none'
  }
  if (after > limits.maxBytes && after > before) {
    dropPending(doc)
    clearTimeout(expiries.get(doc))
    expiries.delete(doc)
    return 'over-limit'
  }
  if (!expiries.has(doc)) {
    const timer = setTimeout(() => {
      expiries.delete(doc)
      const bytes = pendingBytes(doc)
      if (bytes === 0) return
      dropPending(doc)
      onExpired(bytes)
    }, limits.timeoutMs)
    timer.unref()
    expiries.set(doc, timer)
    if (!hooked.has(doc)) {
      hooked.add(doc)
      doc.once('destroy', () => clearTimeout(expiries.get(doc)))
    }
  }
  return before === 0 ? 'new' : 'waiting'
}
