/**
 * Full clients on `ws` sockets speaking a server's dialect, that decode everything into a Y.Doc:
 * joiners and the seeder of a large board (the load's people and observers are in people.ts).
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, type Dialect } from './wire'

const FROM_SERVER = Symbol('server')

async function open(url: string, dialect: Dialect, doc: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.on('error', () => {}) // a socket that fails later shows up as lost updates
  for (const m of dialect.hello(doc)) ws.send(m)
  return ws
}

const toBytes = (data: WebSocket.RawData): Uint8Array =>
  data instanceof Buffer ? data : new Uint8Array(Buffer.concat(data as Buffer[]))

/** Resolves when the server answers our sync step 1 with its step 2. */
function syncStep2(ws: WebSocket, dialect: Dialect): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      if (dialect.readSync(toBytes(data))?.sub !== SYNC_STEP2) return
      ws.off('message', onMessage)
      resolve()
    }
    ws.on('message', onMessage)
    ws.once('close', () => reject(new Error('closed before sync')))
  })
}

/**
 * A client that keeps the whole document, like a browser's. Without garbage collection, so that
 * an observer sees a value even if a later one overwrote it within the same relayed message.
 */
export class FullClient {
  readonly doc = new Y.Doc({ gc: false })
  /** When the message being applied arrived (performance.now()). */
  private receivedAt = 0
  /** When the server's sync step 2 (the whole document, for a new client) had arrived, before applying it. */
  step2ReceivedAt = 0

  private constructor(
    private readonly ws: WebSocket,
    private readonly dialect: Dialect,
    private readonly docName: string,
  ) {
    ws.on('message', (data) => {
      this.receivedAt = performance.now()
      const m = dialect.readSync(toBytes(data))
      if (!m) return
      if (m.sub === SYNC_STEP1) {
        ws.send(dialect.sync(docName, SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, m.payload)))
        return
      }
      if (m.sub === SYNC_STEP2 && !this.step2ReceivedAt) this.step2ReceivedAt = this.receivedAt
      Y.applyUpdate(this.doc, m.payload, FROM_SERVER)
    })
  }

  /** Connects, syncs, and resolves once the server's whole document is applied. */
  static async connect(url: string, dialect: Dialect, docName: string): Promise<FullClient> {
    const ws = await open(url, dialect, docName)
    const client = new FullClient(ws, dialect, docName)
    const synced = syncStep2(ws, dialect)
    ws.send(dialect.sync(docName, SYNC_STEP1, Y.encodeStateVector(client.doc)))
    await synced
    return client
  }

  /** Sends an update as this client's own (the server must relay it back: see `has`). */
  sendUpdate(update: Uint8Array): void {
    this.ws.send(this.dialect.sync(this.docName, SYNC_UPDATE, update))
  }

  /** Whether everything in this state vector has arrived from the server. */
  has(stateVector: Map<number, number>): boolean {
    const mine = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    for (const [client, clock] of stateVector) if ((mine.get(client) ?? 0) < clock) return false
    return true
  }

  /** Closes gracefully and waits for the server's close frame. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return
    const closed = new Promise<void>((resolve) => this.ws.once('close', () => resolve()))
    this.ws.close()
    const timer = setTimeout(() => this.ws.terminate(), 5_000)
    await closed
    clearTimeout(timer)
    this.doc.destroy()
  }

  terminate(): void {
    this.ws.terminate()
    this.doc.destroy()
  }
}
