import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodeIntegratedState } from './pending'

/** y-websocket message types (y-protocols). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/** y-protocols sync sub-types. */
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

export type IncomingMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }

/** A message that is not well-formed y-websocket: the connection that sent it is closed. */
export class ProtocolError extends Error {}

/**
 * Decodes one binary message completely (trailing bytes are an error) and checks that a sync
 * payload is a well-formed state vector or Yjs update before anything is applied.
 */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let message: IncomingMessage
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === SYNC_STEP1) {
        Y.decodeStateVector(payload)
        message = { type: 'sync-step1', stateVector: payload }
      } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
        validateUpdate(payload)
        message = { type: 'update', update: payload }
      } else {
        throw new ProtocolError(`unknown sync message type ${sub}`)
      }
    } else if (type === MESSAGE_AWARENESS) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { type: 'query-awareness' }
    } else {
      throw new ProtocolError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message')
    return message
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed message: ${(err as Error).message}`)
  }
}

/**
 * Parses a whole Yjs update (structs and delete set) without applying it; throws if it is not one.
 * Empty structs and empty deletions decode, but Yjs never writes them, and once applied they make
 * the document's own state unreadable to every client that syncs it: refused here.
 */
function validateUpdate(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch (err) {
    throw new ProtocolError(`not a valid Yjs update: ${(err as Error).message}`)
  }
  for (const struct of decoded.structs) {
    if (!(struct.length > 0)) throw new ProtocolError('not a valid Yjs update: an empty struct')
  }
  for (const ranges of decoded.ds.clients.values()) {
    for (const { clock, len } of ranges) {
      if (!(len > 0) || !Number.isSafeInteger(clock + len))
        throw new ProtocolError('not a valid Yjs update: an empty or impossible deletion')
    }
  }
  validated.set(update, decoded)
}

/** The decoding of each update `decodeMessage` passed, kept so the rules check (rules.ts) need not decode it again. */
const validated = new WeakMap<Uint8Array, ReturnType<typeof Y.decodeUpdate>>()

/** What `decodeMessage` decoded of this update (the same array it returned), if it did. */
export function validatedDecoding(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> | undefined {
  return validated.get(update)
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

/** Sync step 2: what the peer lacks, given its state vector (never structs still pending here). */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP2)
  encoding.writeVarUint8Array(encoder, encodeIntegratedState(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

/** A document update to relay. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * A refusal: the standard protocol's "permission denied" auth message, its reason the refusal as JSON
 * (`{"code", "object"?, "field"?}`), which our client turns into a sentence; a stock client logs it.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** An awareness message wrapping an encoded awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
