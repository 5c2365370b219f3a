import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/** Websocket opcodes (RFC 6455 §5.2). */
export const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const

export interface FrameOptions {
  readonly fin?: boolean
  readonly opcode: number
  readonly payload?: Uint8Array
}

/** One client frame, masked as a client must, written out by hand. */
export function clientFrame({ fin = true, opcode, payload = new Uint8Array(0) }: FrameOptions): Buffer {
  const n = payload.byteLength
  const lengthBytes = n < 126 ? 0 : n < 0x10000 ? 2 : 8
  const out = Buffer.alloc(2 + lengthBytes + 4 + n)
  out[0] = (fin ? 0x80 : 0) | opcode
  if (n < 126) out[1] = 0x80 | n
  else if (n < 0x10000) {
    out[1] = 0x80 | 126
    out.writeUInt16BE(n, 2)
  } else {
    out[1] = 0x80 | 127
    out.writeBigUInt64BE(BigInt(n), 2)
  }
  const mask = randomBytes(4)
  const at = 2 + lengthBytes
  mask.copy(out, at)
  for (let i = 0; i < n; i++) out[at + 4 + i] = payload[i]! ^ mask[i % 4]!
  return out
}

export interface TcpWebSocket {
  readonly socket: Socket
  /** Resolves with the close code the server sent (null if it just dropped the socket), once closed. */
  readonly closed: Promise<{ code: number | null; reason: string }>
  /** Frames received from the server: opcode and payload. */
  readonly frames: { opcode: number; payload: Buffer }[]
  isOpen(): boolean
  /** Writes raw bytes; resolves when the socket took them (false if it is gone). */
  write(bytes: Uint8Array): Promise<boolean>
}

/**
 * Opens a websocket on a plain TCP socket: the upgrade request and every frame are written by hand,
 * so a test can send what no websocket library would (fragment floods, control-frame floods).
 */
export function openTcpWebSocket(httpBase: string, path: string): Promise<TcpWebSocket> {
  const { hostname, port } = new URL(httpBase)
  const socket = connect(Number(port), hostname)
  socket.setNoDelay(true)
  socket.on('error', () => {}) // a server that closes us mid-write resets the socket: expected
  const frames: { opcode: number; payload: Buffer }[] = []
  let closeCode: number | null = null
  let closeReason = ''
  let open = true
  const closed = new Promise<{ code: number | null; reason: string }>((resolve) => {
    socket.once('close', () => {
      open = false
      resolve({ code: closeCode, reason: closeReason })
    })
  })
  let buffer = Buffer.alloc(0)
  const parseFrames = (): void => {
    for (;;) {
      if (buffer.length < 2) return
      const opcode = buffer[0]! & 0x0f
      let len = buffer[1]! & 0x7f
      let at = 2
      if (len === 126) {
        if (buffer.length < 4) return
        len = buffer.readUInt16BE(2)
        at = 4
      } else if (len === 127) {
        if (buffer.length < 10) return
        len = Number(buffer.readBigUInt64BE(2))
        at = 10
      }
      if (buffer.length < at + len) return
      const payload = buffer.subarray(at, at + len)
      frames.push({ opcode, payload })
      if (opcode === OP.close && payload.length >= 2) {
        closeCode = payload.readUInt16BE(0)
        closeReason = payload.subarray(2).toString('utf8')
      }
      if (opcode === OP.close) socket.end() // the closing handshake, as far as a test needs it
      buffer = buffer.subarray(at + len)
    }
  }
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0)
    const onHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      socket.off('data', onHead)
      const status = head.subarray(0, end).toString('latin1').split(' ')[1]
      if (status !== '101') {
        socket.destroy()
        reject(new Error(`upgrade refused: ${status}`))
        return
      }
      buffer = head.subarray(end + 4)
      parseFrames()
      socket.on('data', (data: Buffer) => {
        buffer = Buffer.concat([buffer, data])
        parseFrames()
      })
      resolve({
        socket,
        closed,
        frames,
        isOpen: () => open,
        write: (bytes) =>
          new Promise((done) => {
            if (!open || socket.destroyed) return done(false)
            socket.write(bytes, (err) => done(!err))
          }),
      })
    }
    socket.on('data', onHead)
    socket.once('close', () => reject(new Error('closed before the upgrade')))
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
    )
  })
}
