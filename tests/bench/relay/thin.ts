/**
 * A thin websocket client on a raw TCP socket, for the load generator's many senders: it frames
 * what it sends itself and, once synced, only walks the headers of what it receives (answering
 * pings), without copying or decoding a payload. With 200 people in one room each sender receives
 * 200 messages a second; parsed by `ws` and decoded, that alone would make the generator the
 * bottleneck on this 2-core machine. What arrives is checked by the observers (full clients).
 */
import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { SYNC_STEP2, type Dialect } from './wire'

const OP_BINARY = 0x2
const OP_CLOSE = 0x8
const OP_PING = 0x9
const OP_PONG = 0xa

/** A client frame (masked, as RFC 6455 requires of clients; a zero mask leaves the payload as is). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const n = payload.byteLength
  const head = n < 126 ? 6 : n < 0x10000 ? 8 : 14
  const frame = Buffer.alloc(head + n) // zeroed: the mask key is 0
  frame[0] = 0x80 | opcode
  if (n < 126) frame[1] = 0x80 | n
  else if (n < 0x10000) {
    frame[1] = 0x80 | 126
    frame.writeUInt16BE(n, 2)
  } else {
    frame[1] = 0x80 | 127
    frame.writeBigUInt64BE(BigInt(n), 2)
  }
  frame.set(payload, head)
  return frame
}

export class ThinSocket {
  /** Bytes of a frame header not complete yet (a header can span two TCP reads). */
  private partial: Buffer | null = null
  /** Payload bytes of the current frame still to skip or gather. */
  private remaining = 0
  private gathering: { opcode: number; parts: Buffer[] } | null = null
  /** Set once the server's sync step 2 has arrived; from then on payloads are skipped. */
  private onSynced: (() => void) | null = null
  closed = false

  private constructor(
    private readonly socket: Socket,
    private readonly dialect: Dialect,
  ) {}

  /** Opens a websocket to `url`, sends the dialect's hello and a sync step 1, resolves once synced. */
  static async open(url: string, dialect: Dialect, doc: string, step1: Uint8Array): Promise<ThinSocket> {
    const u = new URL(url)
    let onRead: (chunk: Buffer) => void = () => {}
    // reads land in one reused buffer, handed over without a 'data' event or a new Buffer per read
    const socket = connect({
      port: Number(u.port),
      host: u.hostname,
      onread: {
        buffer: Buffer.allocUnsafe(64 * 1024),
        callback: (n, buf) => {
          onRead(Buffer.from(buf.buffer, buf.byteOffset, n))
          return true
        },
      },
    })
    socket.setNoDelay(true)
    const key = randomBytes(16).toString('base64')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    socket.write(
      `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    )
    const rest = await new Promise<Buffer>((resolve, reject) => {
      let got = Buffer.alloc(0)
      onRead = (d) => {
        got = Buffer.concat([got, d])
        const end = got.indexOf('\r\n\r\n')
        if (end < 0) return
        onRead = () => {}
        const status = got.subarray(0, got.indexOf('\r\n')).toString()
        if (!status.includes(' 101 ')) reject(new Error(`upgrade refused: ${status}`))
        else resolve(got.subarray(end + 4))
      }
      socket.once('error', reject)
    })
    const thin = new ThinSocket(socket, dialect)
    socket.on('error', () => (thin.closed = true)) // a socket that fails shows up as lost updates
    socket.on('close', () => (thin.closed = true))
    const synced = new Promise<void>((resolve) => (thin.onSynced = resolve))
    onRead = (d) => thin.read(d)
    for (const m of dialect.hello(doc)) thin.send(m)
    thin.send(step1)
    if (rest.length > 0) thin.read(rest)
    await synced
    return thin
  }

  send(message: Uint8Array): void {
    if (!this.closed) this.socket.write(clientFrame(OP_BINARY, message))
  }

  close(): void {
    this.closed = true
    this.socket.destroy()
  }

  private read(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at)
        this.gathering?.parts.push(Buffer.from(chunk.subarray(at, at + take)))
        this.remaining -= take
        at += take
        if (this.remaining === 0 && this.gathering) this.complete()
        continue
      }
      // a header: at most 10 bytes (server frames are unmasked)
      let head = chunk.subarray(at, at + 10)
      if (this.partial) head = Buffer.concat([this.partial, head])
      const needed = head.length < 2 ? 2 : head[1]! === 126 ? 4 : head[1]! === 127 ? 10 : 2
      if (head.length < needed) {
        this.partial = Buffer.from(head)
        at = chunk.length
        continue
      }
      const opcode = head[0]! & 0x0f
      const len7 = head[1]! & 0x7f
      const length =
        len7 === 126 ? head.readUInt16BE(2) : len7 === 127 ? Number(head.readBigUInt64BE(2)) : len7
      at += needed - (this.partial?.length ?? 0)
      this.partial = null
      this.remaining = length
      // only control frames, and binary ones before the sync, are looked at
      this.gathering =
        opcode >= OP_CLOSE || (this.onSynced && opcode === OP_BINARY) ? { opcode, parts: [] } : null
      if (length === 0 && this.gathering) this.complete()
    }
  }

  private complete(): void {
    const { opcode, parts } = this.gathering!
    this.gathering = null
    const payload = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    if (opcode === OP_PING) this.socket.write(clientFrame(OP_PONG, payload))
    else if (opcode === OP_CLOSE) this.close()
    else if (opcode === OP_BINARY && this.onSynced && this.dialect.readSync(payload)?.sub === SYNC_STEP2) {
      this.onSynced()
      this.onSynced = null
    }
  }
}
