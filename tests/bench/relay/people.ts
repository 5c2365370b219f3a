/**
 * The load generator's clients: people at a board (thin sockets) who edit their recipe card, type
 * into their note and move their cursor, and observers (full `ws` clients with a Y.Doc) that
 * record when each change arrives. Times are `now()`: the system's monotonic clock, the same in
 * every process, so a send in one generator process is timed against its receipt in another.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { objectsOf, textOf, writeObject } from '../../../shared/schema/boardDoc'
import { KINDS } from '../../../shared/schema/kinds'
import { writePlainText } from '../../../shared/schema/richText'
import { ThinSocket } from './thin'
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, type Dialect } from './wire'

/** Milliseconds on the system's monotonic clock (shared by every process on the machine). */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6

/** One document change as sent: its room, the Yjs client and the last clock it wrote, and when. */
export type SendRecord = readonly [room: number, client: number, clock: number, at: number]

/** A person at the board, on a thin socket. */
export class Person {
  private readonly doc = new Y.Doc()
  private readonly card: Y.Map<unknown>
  private readonly text: Y.XmlText
  private awarenessClock = 0
  private seq = 0
  readonly sends: SendRecord[] = []
  cursorsSent: number[] = []

  private constructor(
    private readonly socket: ThinSocket,
    private readonly dialect: Dialect,
    private readonly docName: string,
    private readonly room: number,
    readonly index: number,
  ) {
    this.doc.on('update', (update: Uint8Array) => socket.send(dialect.sync(docName, SYNC_UPDATE, update)))
    const id = `card-${index}-${this.doc.clientID}`
    const noteId = `note-${index}-${this.doc.clientID}`
    const place = { canvas: 'bench-canvas', x: (index % 20) * 300, y: Math.floor(index / 20) * 400 }
    const by = { createdBy: `bench-${index}`, author: `Person ${index}`, createdAt: Date.UTC(2026, 0, 1) }
    this.card = writeObject({
      ...place,
      ...by,
      id,
      z: 2 * index + 1,
      kind: 'recipe',
      props: { ...KINDS.recipe.defaults(), title: `Method ${index}` },
    })
    const note = writeObject({
      ...place,
      ...by,
      id: noteId,
      y: place.y + 200,
      z: 2 * index + 2,
      kind: 'sticky',
      props: KINDS.sticky.defaults(),
    })
    this.doc.transact(() => {
      objectsOf(this.doc).set(id, this.card)
      objectsOf(this.doc).set(noteId, note)
      writePlainText(textOf(this.doc, noteId)!, 'Idea')
    })
    const paragraph = textOf(this.doc, noteId)!.get(0) as Y.XmlElement
    this.text = paragraph.get(0) as Y.XmlText
  }

  static async connect(url: string, dialect: Dialect, doc: string, room: number, index: number) {
    const step1 = dialect.sync(doc, SYNC_STEP1, Y.encodeStateVector(new Y.Doc()))
    const socket = await ThinSocket.open(url, dialect, doc, step1)
    return new Person(socket, dialect, doc, room, index)
  }

  get closed(): boolean {
    return this.socket.closed
  }

  private record(): void {
    const clock = Y.getState(this.doc.store, this.doc.clientID) - 1
    this.sends.push([this.room, this.doc.clientID, clock, now()])
  }

  /** Edits the card's "for whom" line (one field set: a map entry replaced). */
  editCard(): void {
    if (this.socket.closed) return
    this.card.set('forWhom', `For group ${++this.seq}`)
    this.record()
  }

  /** Types one character at the end of the note (as Tiptap writes a keystroke into Yjs). */
  typeKey(): void {
    if (this.socket.closed) return
    this.text.insert(this.text.length, String.fromCharCode(97 + (++this.seq % 26)))
    this.record()
  }

  /** Publishes a cursor position with the send time in the presence state. */
  moveCursor(): void {
    if (this.socket.closed) return
    const t = now()
    const state = {
      user: { name: `Person ${this.index}`, color: '#3b82f6' },
      cursor: { x: Math.round(t % 1000), y: this.index * 10, canvas: 'bench-canvas' },
      t,
    }
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, this.doc.clientID)
    encoding.writeVarUint(e, ++this.awarenessClock)
    encoding.writeVarString(e, JSON.stringify(state))
    this.socket.send(this.dialect.awareness(this.docName, encoding.toUint8Array(e)))
    this.cursorsSent.push(t)
  }

  close(): void {
    this.socket.close()
    this.doc.destroy()
  }
}

/**
 * An observer: a full client that applies everything to a Y.Doc, notes for each message which
 * clocks of which clients it brought and when, and times every cursor from its send.
 */
export class Observer {
  private readonly doc = new Y.Doc({ gc: false })
  /** Per Yjs client: [from clock, to clock (exclusive), received at], in arrival order. */
  readonly arrivals = new Map<number, [number, number, number][]>()
  readonly cursorLatencies: number[] = []
  private recording = false
  private window: [number, number] = [Infinity, Infinity]

  private constructor(
    private readonly ws: WebSocket,
    dialect: Dialect,
    docName: string,
  ) {
    ws.on('message', (data: Buffer) => {
      const at = now()
      const awareness = dialect.readAwareness(data)
      if (awareness) return this.cursors(awareness, at)
      const m = dialect.readSync(data)
      if (!m) return
      if (m.sub === SYNC_STEP1) {
        ws.send(dialect.sync(docName, SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, m.payload)))
        return
      }
      if (this.recording) {
        const { from, to } = Y.parseUpdateMeta(m.payload)
        for (const [client, start] of from) {
          let list = this.arrivals.get(client)
          if (!list) this.arrivals.set(client, (list = []))
          list.push([start, to.get(client)!, at])
        }
      }
      Y.applyUpdate(this.doc, m.payload)
    })
  }

  static async connect(url: string, dialect: Dialect, docName: string): Promise<Observer> {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    ws.on('error', () => {})
    for (const m of dialect.hello(docName)) ws.send(m)
    const observer = new Observer(ws, dialect, docName)
    const synced = new Promise<void>((resolve) => {
      const onMessage = (data: Buffer): void => {
        if (dialect.readSync(data)?.sub !== SYNC_STEP2) return
        ws.off('message', onMessage)
        resolve()
      }
      ws.on('message', onMessage)
    })
    ws.send(dialect.sync(docName, SYNC_STEP1, Y.encodeStateVector(observer.doc)))
    await synced
    return observer
  }

  /** Records arrivals from now on, and cursors sent within the window. */
  record(windowStart: number, windowEnd: number): void {
    this.recording = true
    this.window = [windowStart, windowEnd]
  }

  private cursors(update: Uint8Array, at: number): void {
    const d = decoding.createDecoder(update)
    const count = decoding.readVarUint(d)
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(d)
      decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      const t = json.length > 4 ? (JSON.parse(json) as { t?: unknown }).t : undefined
      if (typeof t === 'number' && t >= this.window[0] && t < this.window[1])
        this.cursorLatencies.push(at - t)
    }
  }

  /** When the change ending at `clock` of `client` arrived; undefined if it has not. */
  arrival(client: number, clock: number): number | undefined {
    for (const [from, to, at] of this.arrivals.get(client) ?? []) if (clock >= from && clock < to) return at
    return undefined
  }

  close(): void {
    this.ws.terminate()
    this.doc.destroy()
  }
}
