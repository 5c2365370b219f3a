/**
 * The two wire formats the benchmark speaks. Both carry y-protocols messages (sync, awareness);
 * Hocuspocus prefixes every message with the document name (a varString), so one socket can carry
 * several documents, and will not serve a document before an auth message for it arrives.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const MSG_AUTH = 2
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2
/** Hocuspocus: auth sub-type "token" (client → server), and "authenticated" (server → client). */
const AUTH_TOKEN = 0
/** Hocuspocus: the reply to a sync step 1 that asks for no step 1 back. */
const HOCUSPOCUS_SYNC_REPLY = 4

export interface Dialect {
  readonly name: 'y-websocket' | 'hocuspocus'
  /** Messages a client sends first, before any sync message. */
  hello(doc: string): Uint8Array[]
  /** A sync message (step 1, step 2 or update) for a document. */
  sync(doc: string, sub: number, payload: Uint8Array): Uint8Array
  /** Reads one incoming message: its sync sub-type and payload, or null for anything else. */
  readSync(data: Uint8Array): { sub: number; payload: Uint8Array } | null
  /** An awareness message (an encoded awareness update) for a document. */
  awareness(doc: string, update: Uint8Array): Uint8Array
  /** Reads one incoming message: the awareness update it carries, or null for anything else. */
  readAwareness(data: Uint8Array): Uint8Array | null
}

function writeAwareness(e: encoding.Encoder, update: Uint8Array): Uint8Array {
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

const readAwarenessBody = (d: decoding.Decoder): Uint8Array | null =>
  decoding.readVarUint(d) === MSG_AWARENESS ? decoding.readVarUint8Array(d) : null

function writeSync(e: encoding.Encoder, sub: number, payload: Uint8Array): Uint8Array {
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

function readSyncBody(d: decoding.Decoder, syncTypes: readonly number[]) {
  if (!syncTypes.includes(decoding.readVarUint(d))) return null
  const sub = decoding.readVarUint(d)
  return { sub, payload: decoding.readVarUint8Array(d) }
}

/** The standard y-websocket protocol: our relay and @y/websocket-server. */
export const yWebsocket: Dialect = {
  name: 'y-websocket',
  hello: () => [],
  sync: (_doc, sub, payload) => writeSync(encoding.createEncoder(), sub, payload),
  readSync: (data) => readSyncBody(decoding.createDecoder(data), [MSG_SYNC]),
  awareness: (_doc, update) => writeAwareness(encoding.createEncoder(), update),
  readAwareness: (data) => readAwarenessBody(decoding.createDecoder(data)),
}

/** Hocuspocus: the same messages behind the document name, after an auth message with a token. */
export const hocuspocus: Dialect = {
  name: 'hocuspocus',
  hello: (doc) => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, doc)
    encoding.writeVarUint(e, MSG_AUTH)
    encoding.writeVarUint(e, AUTH_TOKEN)
    encoding.writeVarString(e, 'bench')
    return [encoding.toUint8Array(e)]
  },
  sync: (doc, sub, payload) => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, doc)
    return writeSync(e, sub, payload)
  },
  readSync: (data) => {
    const d = decoding.createDecoder(data)
    decoding.readVarString(d)
    return readSyncBody(d, [MSG_SYNC, HOCUSPOCUS_SYNC_REPLY])
  },
  awareness: (doc, update) => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, doc)
    return writeAwareness(e, update)
  },
  readAwareness: (data) => {
    const d = decoding.createDecoder(data)
    decoding.readVarString(d)
    return readAwarenessBody(d)
  },
}
