import { request } from 'node:http'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'

/** y-websocket message types and sync sub-types, written out here so the tests do not trust the server's encoders. */
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP1 = 0
const SYNC_UPDATE = 2

/** A sync frame: sub-type 0 (step 1, a state vector), 1 (step 2) or 2 (update), around any payload. */
export function syncFrame(sub: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

/** A sync step 1 frame carrying a state vector. */
export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array => syncFrame(SYNC_STEP1, stateVector)

/** A sync update frame around any payload (well-formed framing, whatever the payload is). */
export const syncUpdateFrame = (payload: Uint8Array): Uint8Array => syncFrame(SYNC_UPDATE, payload)

export interface RawAwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state as JSON text ('null' to leave). */
  readonly json: string
}

/** An awareness frame: a count, then per entry its client id, clock and JSON state. */
export function awarenessFrame(entries: readonly RawAwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, json)
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/** A frame that is just one varint message type (and nothing after it). */
export function messageTypeFrame(type: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  return encoding.toUint8Array(e)
}

export interface Closed {
  readonly code: number
  readonly reason: string
}

export interface RawSocket {
  readonly ws: WebSocket
  /** Resolves once the socket is open. */
  readonly opened: Promise<void>
  /** Resolves with the close code and reason, whoever closed. */
  readonly closed: Promise<Closed>
  /** Every binary message the server sent, in order. */
  readonly received: Uint8Array[]
  readonly isOpen: () => boolean
}

/**
 * Opens a plain `ws` socket on `<wsBase>/<room>?key=<key>` (and any further `params`, e.g. a person
 * `token`), for sending what no stock client would.
 */
export function openRaw(
  wsBase: string,
  room: string,
  key: string,
  params: Record<string, string> = {},
): RawSocket {
  const query = new URLSearchParams({ key, ...params })
  const ws = new WebSocket(`${wsBase}/${room}?${query.toString()}`)
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  // a server that closes mid-send may reset the socket: that is expected, not a test failure
  ws.on('error', () => {})
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
  })
  const closed = new Promise<Closed>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }))
  })
  return { ws, opened, closed, received, isOpen: () => ws.readyState === WebSocket.OPEN }
}

export interface Refusal {
  readonly status: number
  readonly body: unknown
}

/**
 * Tries to open a websocket on a full URL and resolves with the HTTP answer the server gave
 * instead of upgrading (via the `ws` client's 'unexpected-response'); rejects if it upgraded.
 */
export function refusedUpgrade(url: string): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('error', () => {})
    ws.once('open', () => {
      ws.close()
      reject(new Error(`the upgrade to ${url} was accepted`))
    })
    ws.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        req.destroy()
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON: the raw text is returned for the assertion to show
        }
        resolve({ status: res.statusCode ?? 0, body })
      })
    })
  })
}

/**
 * Sends a websocket upgrade request with the path exactly as given (no URL normalisation, unlike
 * the `ws` client and `fetch`), and resolves with the HTTP status: 101 if it upgraded.
 */
export function rawUpgradeStatus(httpBase: string, path: string): Promise<number> {
  const { hostname, port } = new URL(httpBase)
  return new Promise((resolve, reject) => {
    const req = request({
      host: hostname,
      port,
      path,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve(res.statusCode ?? 0)
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}
