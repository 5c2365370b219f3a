import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { syncFrame } from './raw'

/*
 * A hostile participant on a raw socket: it syncs with the server like a stock client, then sends
 * updates no honest client would, each built on a copy of what the server has (so it is
 * structurally valid and depends on nothing the server lacks), and records what the server says.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

/** A refusal as the server sends it: the y-protocols "permission denied" message's JSON reason. */
export interface Denial {
  readonly code: string
  readonly object?: string
  readonly field?: string
  readonly spans: Record<string, [number, number]>
}

/** The refusal a message carries (type 2, varuint 0, varString JSON), or null for any other message. */
export function denialOf(message: Uint8Array): Denial | null {
  const d = decoding.createDecoder(message)
  if (decoding.readVarUint(d) !== MESSAGE_AUTH || decoding.readVarUint(d) !== 0) return null
  return JSON.parse(decoding.readVarString(d)) as Denial
}

/** An update crafted on a copy of the server's document, and the client id it was written under. */
export interface Crafted {
  readonly update: Uint8Array
  readonly clientId: number
}

export class Attacker {
  /** What the server has sent (its document as this socket knows it); never holds the attacker's own writes. */
  readonly doc = new Y.Doc()
  readonly denials: Denial[] = []
  /** Client ids of every update the server refused: none may ever reach anyone. */
  readonly refusedIds = new Set<number>()
  closedWith: number | null = null
  private answers = 0
  private waiters: (() => void)[] = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = new Uint8Array(data)
      const denial = denialOf(message)
      if (denial) this.denials.push(denial)
      const d = decoding.createDecoder(message)
      if (decoding.readVarUint(d) === MESSAGE_SYNC) {
        const sub = decoding.readVarUint(d)
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) Y.applyUpdate(this.doc, decoding.readVarUint8Array(d))
        if (sub === SYNC_STEP2) this.answers++
      }
      this.wake()
    })
    ws.on('close', (code) => {
      this.closedWith = code
      this.wake()
    })
  }

  /** Opens `<wsBase>/<room>?key=…[&token=…]` and resolves once the server's document has arrived. */
  static async open(wsBase: string, room: string, key: string, token?: string): Promise<Attacker> {
    const query = `key=${encodeURIComponent(key)}${token ? `&token=${encodeURIComponent(token)}` : ''}`
    const ws = new WebSocket(`${wsBase}/${room}?${query}`)
    ws.on('error', () => {})
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('unexpected-response', (_q, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
    })
    const attacker = new Attacker(ws)
    await attacker.settle()
    return attacker
  }

  get open(): boolean {
    return this.closedWith === null && this.ws.readyState === WebSocket.OPEN
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  private async until(done: () => boolean, what: string): Promise<void> {
    while (!done()) {
      if (this.closedWith !== null) throw new Error(`closed (${this.closedWith}) while waiting for ${what}`)
      await new Promise<void>((r) => this.waiters.push(r))
    }
  }

  /** Asks the server for what it has (sync step 1) and waits for the answer: everything sent before is handled. */
  async settle(): Promise<void> {
    const want = this.answers + 1
    this.ws.send(syncFrame(0, Y.encodeStateVector(this.doc)))
    await this.until(() => this.answers >= want, 'a sync answer')
  }

  /**
   * Runs `change` on a copy of what the server has (plus `after`, updates not sent yet), under a new
   * client id or the one given, and returns the update it makes.
   */
  craft(change: (doc: Y.Doc) => void, clientId?: number, after: readonly Uint8Array[] = []): Crafted {
    const fork = new Y.Doc()
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(this.doc))
    for (const u of after) Y.applyUpdate(fork, u)
    // writing under someone else's client id, at their next clocks (set after the copy: Yjs gives a
    // document a new id when a remote update holds its own)
    if (clientId !== undefined) fork.clientID = clientId
    const before = Y.encodeStateVector(fork)
    fork.transact(() => change(fork))
    const crafted = { update: Y.encodeStateAsUpdate(fork, before), clientId: fork.clientID }
    fork.destroy()
    return crafted
  }

  /** Runs each change in turn on one copy of what the server has (one client id): one update per change. */
  craftSeries(...changes: ((doc: Y.Doc) => void)[]): Crafted[] {
    const fork = new Y.Doc()
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(this.doc))
    const out = changes.map((change) => {
      const before = Y.encodeStateVector(fork)
      fork.transact(() => change(fork))
      return { update: Y.encodeStateAsUpdate(fork, before), clientId: fork.clientID }
    })
    fork.destroy()
    return out
  }

  /** Sends an update as a sync update message. */
  send(update: Uint8Array): void {
    this.ws.send(syncFrame(SYNC_UPDATE, update))
  }

  /** Sends an update and resolves with the refusal it got, or null when the server took it. */
  async attempt(crafted: Crafted | Uint8Array): Promise<Denial | null> {
    const { update, clientId } = crafted instanceof Uint8Array ? { update: crafted, clientId: -1 } : crafted
    const before = this.denials.length
    this.send(update)
    await this.settle()
    const denial = this.denials[before] ?? null
    if (denial && clientId >= 0) this.refusedIds.add(clientId)
    return denial
  }

  /** Crafts, sends, and resolves with the refusal (null when taken). */
  attack(change: (doc: Y.Doc) => void): Promise<Denial | null> {
    return this.attempt(this.craft(change))
  }

  close(): void {
    this.ws.terminate()
    this.doc.destroy()
  }
}

/** Client ids a document holds content of (its state vector). */
export const clientsOf = (doc: Y.Doc): Set<number> =>
  new Set(Y.decodeStateVector(Y.encodeStateVector(doc)).keys())
