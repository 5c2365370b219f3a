import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { syncFrame } from './raw'

/**
 * A minimal y-websocket peer on a raw socket. `doc` is where the test writes; `mirror` holds only
 * what the server has sent, so the test can tell when its own update has been relayed back.
 */
export class RawYClient {
  readonly doc = new Y.Doc()
  readonly mirror = new Y.Doc()

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) !== 0) return
      const sub = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (sub === 0) ws.send(syncFrame(1, Y.encodeStateAsUpdate(this.doc, payload)))
      else {
        Y.applyUpdate(this.mirror, payload)
        Y.applyUpdate(this.doc, payload, 'server')
      }
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') ws.send(syncFrame(2, update))
    })
  }

  /** Opens a socket to a room URL and starts the sync handshake. */
  static async open(url: string): Promise<RawYClient> {
    const ws = new WebSocket(url)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    const client = new RawYClient(ws)
    ws.send(syncFrame(0, Y.encodeStateVector(client.doc)))
    return client
  }

  /** Resolves once the server has relayed back everything this client wrote (its acknowledgement). */
  echoed(): Promise<void> {
    const mine = this.doc.clientID
    const clockOf = (doc: Y.Doc): number => Y.decodeStateVector(Y.encodeStateVector(doc)).get(mine) ?? 0
    const done = (): boolean => clockOf(this.mirror) >= clockOf(this.doc)
    if (done()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return
        this.ws.off('message', check)
        resolve()
      }
      this.ws.on('message', check)
      this.ws.once('close', () => reject(new Error('socket closed before the echo')))
    })
  }

  close(): void {
    this.ws.terminate()
    this.doc.destroy()
    this.mirror.destroy()
  }
}
