import type { Socket } from 'node:net'
import { WebSocket } from 'ws'

/** A message and its websocket frame, built once and written as is to every peer of a broadcast. */
export interface WireFrame {
  readonly message: Uint8Array
  /** The whole unmasked binary frame (RFC 6455 §5.2): header and message in one buffer. */
  readonly bytes: Buffer
}

/** Frames a binary message the way a server sends it: FIN, opcode 2, no mask, no extensions. */
export function frameMessage(message: Uint8Array): WireFrame {
  const n = message.byteLength
  const head = n < 126 ? 2 : n < 0x10000 ? 4 : 10
  const bytes = Buffer.allocUnsafe(head + n)
  bytes[0] = 0x82
  if (n < 126) bytes[1] = n
  else if (n < 0x10000) {
    bytes[1] = 126
    bytes.writeUInt16BE(n, 2)
  } else {
    bytes[1] = 127
    bytes.writeUInt32BE(Math.floor(n / 0x100000000), 2)
    bytes.writeUInt32BE(n >>> 0, 6)
  }
  bytes.set(message, head)
  return { message, bytes }
}

/**
 * The socket under a server-side websocket, when frames may be written to it directly: no
 * extension (permessage-deflate would need each frame compressed) and ws's own sender idle, which
 * it always is without compression as long as nobody sends it a Blob. Null otherwise: use ws.send.
 */
export function rawSocketOf(ws: WebSocket): Socket | null {
  if (ws.extensions !== '') return null
  const socket = (ws as unknown as { _socket?: Socket })._socket
  return socket && typeof socket.write === 'function' ? socket : null
}

/**
 * Writes a prepared frame: one buffer, one socket write, no per-peer header or corked two-part
 * write as `ws.send` does. Returns false (nothing written) when the socket is not open.
 */
export function writeFrame(ws: WebSocket, socket: Socket | null, frame: WireFrame): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false
  if (socket) socket.write(frame.bytes)
  else ws.send(frame.message)
  return true
}
