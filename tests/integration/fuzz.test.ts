import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin, type Origin } from '../../shared/ops/origin'
import { setLocked } from '../../shared/ops/arrange'
import { setProtected, startVoting } from '../../shared/ops/session'
import { controlRoom, privateRoom } from '../../shared/rooms'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { readCanvases } from '../../shared/schema/controlDoc'
import { openSqliteStorage } from '../../server/storage/sqlite'
import { Attacker } from '../helpers/attacker'
import { loadStoredDoc, noteTexts } from '../helpers/board'
import { serverDoc } from '../helpers/carriesOn'
import { endpointStatuses, failures } from '../helpers/endpoints'
import { harness } from '../helpers/harness'
import { person, readsCleanly } from '../helpers/hostile'
import { fuzzedUpdate } from '../helpers/schemaBreaker'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import {
  Rng,
  junkWireFrame,
  looksLikeStep1,
  nextFrame,
  validNoteUpdate,
  type FrameKind,
} from '../helpers/fuzzFrames'
import { metricValue } from '../helpers/metrics'
import { syncStep1Frame } from '../helpers/raw'
import { openTcpWebSocket } from '../helpers/rawTcp'
import { connect, createSession, synced, type Client } from '../helpers/server'

/*
 * 10,000 seeded random and mutated frames against a real server process, over many connections,
 * while two stock clients keep editing the same room. FUZZ_SEED=<n> repeats a run; FUZZ_FRAMES=<n>
 * changes its size; RELIABILITY_FIGURES=1 prints the figures docs/reliability.md quotes.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const WORKERS = 8
/** Frames a connection sends before it is replaced (most are closed sooner, by bad input). */
const PER_CONNECTION = 40
/** Every this many frames, the two stock clients exchange an edit. */
const CHECK_EVERY = 500
/** A share of the frames goes to raw TCP sockets as hand-made websocket frames (header fuzz). */
const WIRE_SHARE = 0.05
/** Generous bounds: the server's heap may not grow by more than this over the run. */
const HEAP_GROWTH_LIMIT = 128 * 1024 * 1024
const RSS_LIMIT = 768 * 1024 * 1024

const tag = `FUZZ_SEED=${SEED}`
/** Schema-breaking updates: rounds, and updates per participant connection per round. */
const SCHEMA_ROUNDS = 4
const SCHEMA_PER_ROUND = Number(process.env.FUZZ_SCHEMA_UPDATES ?? 40)
const writer = createOrigin('u-good', 'Good')

interface Figures {
  frames: number
  byKind: Record<string, number>
  connections: number
  closeCodes: Record<string, number>
  validKept: number
  goodEdits: number
  /** The room's document at the end: its encoded size and its objects (notes kept, fuzzed ones). */
  docBytes: number
  objects: number
  heapBefore: number
  heapPeak: number
  heapAfter: number
  rssBefore: number
  rssPeak: number
  rssAfter: number
  ms: number
}

/** A raw participant socket that knows the server's state vector and can tell when a frame was handled. */
class FuzzSocket {
  private answers = 0
  private waiters: (() => void)[] = []
  closedWith: number | null = null
  serverVector: Uint8Array | null = null
  readonly ready: Promise<void>

  constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('error', () => {})
    this.ready = new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_q, res) =>
        reject(new Error(`${tag}: upgrade refused ${res.statusCode}`)),
      )
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(d) !== 0) return
        const sub = decoding.readVarUint(d)
        if (sub === 0 && !this.serverVector) {
          this.serverVector = decoding.readVarUint8Array(d)
          resolve()
        } else if (sub === 1) {
          this.answers++
          this.wake()
        }
      })
      ws.once('close', (code) => {
        this.closedWith = code
        reject(new Error(`${tag}: closed before the room loaded (${code})`))
        this.wake()
      })
    })
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Sends a frame and resolves once the server has handled it: answered (true) or closed us (false). */
  async send(frame: Uint8Array): Promise<boolean> {
    if (this.closedWith !== null) return false
    const want = this.answers + 1
    this.ws.send(frame)
    // the server answers a sync step 1 itself; anything else is followed by one of ours as a probe
    if (!looksLikeStep1(frame)) this.ws.send(syncStep1Frame(this.serverVector!))
    while (this.answers < want && this.closedWith === null)
      await new Promise<void>((r) => this.waiters.push(r))
    return this.answers >= want
  }
}

async function memory(http: string): Promise<{ heap: number; rss: number }> {
  return {
    heap: await metricValue(http, 'nodejs_heap_size_used_bytes'),
    rss: await metricValue(http, 'process_resident_memory_bytes'),
  }
}

/**
 * Both clients write a note, each as whoever it proves to be (`who`: a person with a token writes
 * only as themselves), and each sees the other's: they still sync through the server.
 */
async function exchange(
  a: Client,
  b: Client,
  n: number,
  who: readonly [Origin, Origin] = [writer, writer],
): Promise<string[]> {
  const texts = [`good A ${n}`, `good B ${n}`]
  addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: n, y: 0, text: texts[0]! }, who[0])
  addObject(b.doc, { kind: 'sticky', canvas: 'c1', x: n, y: 50, text: texts[1]! }, who[1])
  await expect.poll(() => noteTexts(b.doc), { message: `${tag}: B sees A's edit ${n}` }).toContain(texts[0])
  await expect.poll(() => noteTexts(a.doc), { message: `${tag}: A sees B's edit ${n}` }).toContain(texts[1])
  return texts
}

describe(`fuzzing the relay (${tag})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-fuzz-'))
  let child: ChildServer | undefined
  const clients: Client[] = []
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await child?.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(`survives ${FRAMES} hostile frames; stock clients keep syncing; nothing valid is lost`, async () => {
    const started = performance.now()
    // y-protocols logs, and goes on past, an update a stock client cannot apply: there must be none
    const errors = vi.spyOn(console, 'error')
    child = await startChildServer(dataDir, { LOG_LEVEL: 'error' })
    const server = child
    const { id, keys } = await createSession(server.http)
    const a = connect(server.ws, id, keys.participant)
    const b = connect(server.ws, id, keys.participant)
    clients.push(a, b)
    await Promise.all([synced(a), synced(b)])
    let drops = 0
    for (const c of [a, b]) c.provider.on('connection-close', () => drops++)
    const goodTexts = await exchange(a, b, 0)

    const rng = new Rng(SEED)
    const real = Array.from({ length: 8 }, (_, i) => validNoteUpdate(`real ${i} ${'r'.repeat(i * 8)}`, i))
    const before = await memory(server.http)
    const figures: Figures = {
      frames: 0,
      byKind: {},
      connections: 0,
      closeCodes: {},
      validKept: 0,
      goodEdits: 0,
      docBytes: 0,
      objects: 0,
      heapBefore: before.heap,
      heapPeak: before.heap,
      heapAfter: 0,
      rssBefore: before.rss,
      rssPeak: before.rss,
      rssAfter: 0,
      ms: 0,
    }
    const validSent: string[] = []
    let next = 0
    const take = (): number | null => (next < FRAMES ? next++ : null)
    const count = (kind: FrameKind | 'wire'): void => {
      figures.frames++
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1
    }
    const openSocket = async (): Promise<FuzzSocket> => {
      figures.connections++
      const s = new FuzzSocket(new WebSocket(`${server.ws}/${id}?key=${keys.participant}`))
      await s.ready
      return s
    }

    // the workers draw frames in index order, each without an await between taking an index and
    // drawing its frame: a seed gives the same frames (spread over connections as timing has it)
    const frameRng = new Rng(SEED ^ 0x5eed)
    const worker = async (): Promise<void> => {
      let socket: FuzzSocket | null = null
      let sent = 0
      for (let i = take(); i !== null; i = take()) {
        if (frameRng.next() < WIRE_SHARE) {
          // a hand-made websocket frame with random header bits, then end: the parser's turn
          count('wire')
          const junk = junkWireFrame(frameRng) // drawn before any await: the seed fixes every frame
          const tcp = await openTcpWebSocket(server.http, `/ws/${id}?key=${keys.participant}`)
          figures.connections++
          void tcp.write(junk).then(() => tcp.socket.end())
          const closed = await tcp.closed
          figures.closeCodes[String(closed.code)] = (figures.closeCodes[String(closed.code)] ?? 0) + 1
          continue
        }
        const frame = nextFrame(rng, i, real)
        count(frame.kind)
        if (!socket || socket.closedWith !== null || sent >= PER_CONNECTION) {
          socket?.ws.terminate()
          socket = await openSocket()
          sent = 0
        }
        sent++
        const handled = await socket.send(frame.bytes)
        if (handled && frame.validText) validSent.push(frame.validText)
        if (!handled) {
          const code = String(socket.closedWith)
          figures.closeCodes[code] = (figures.closeCodes[code] ?? 0) + 1
        }
        if (i % CHECK_EVERY === 0) {
          goodTexts.push(...(await exchange(a, b, i)))
          const m = await memory(server.http)
          figures.heapPeak = Math.max(figures.heapPeak, m.heap)
          figures.rssPeak = Math.max(figures.rssPeak, m.rss)
          expect(m.heap - before.heap, `${tag}: heap growth after ${i} frames`).toBeLessThan(
            HEAP_GROWTH_LIMIT,
          )
          expect(m.rss, `${tag}: resident memory after ${i} frames`).toBeLessThan(RSS_LIMIT)
        }
      }
      socket?.ws.terminate()
    }
    await Promise.all(Array.from({ length: WORKERS }, () => worker()))

    expect(server.process.exitCode, `${tag}: the server process is alive`).toBeNull()
    expect(await (await fetch(`${server.http}/healthz`)).json(), tag).toEqual({ ok: true })
    goodTexts.push(...(await exchange(a, b, FRAMES)))
    expect(drops, `${tag}: the stock clients were never disconnected`).toBe(0)
    const yjsErrors = errors.mock.calls.filter((c) => String(c[0]).startsWith('Caught error'))
    errors.mockRestore()
    expect(
      yjsErrors.map((c) => String(c[1])),
      `${tag}: updates a stock client could not apply`,
    ).toEqual([])
    // every valid update the server answered for is in both clients' documents
    for (const text of validSent) expect(noteTexts(a.doc), `${tag}: kept "${text}"`).toContain(text)
    figures.validKept = validSent.length
    figures.goodEdits = goodTexts.length
    const after = await memory(server.http)
    figures.heapAfter = after.heap
    figures.rssAfter = after.rss
    await expect
      .poll(() => metricValue(server.http, 'whiteboard_connections_open'), {
        message: `${tag}: no leaked connections`,
      })
      .toBe(2)

    // stored data: the server stops cleanly, every stored row is a whole update, nothing pending,
    // and a restarted server gives a fresh client exactly what the stock clients have
    const live = snapshot(a.doc)
    figures.docBytes = Y.encodeStateAsUpdate(a.doc).byteLength
    figures.objects = objectsOf(a.doc).size
    expect(snapshot(b.doc), `${tag}: the two clients converged`).toEqual(live)
    for (const c of clients.splice(0)) c.destroy()
    expect(await server.kill('SIGTERM'), `${tag}: clean shutdown`).toBe(0)
    const storage = openSqliteStorage(dataDir)
    const stored = await loadStoredDoc(storage, id)
    storage.close()
    expect(snapshot(stored.doc), `${tag}: stored = what the clients have`).toEqual(live)
    child = await startChildServer(dataDir, { LOG_LEVEL: 'error' })
    const fresh = connect(child.ws, id, keys.viewer)
    clients.push(fresh)
    await synced(fresh)
    expect(snapshot(fresh.doc), `${tag}: after a restart`).toEqual(live)
    for (const text of [...goodTexts, ...validSent]) expect(noteTexts(fresh.doc), tag).toContain(text)

    figures.ms = Math.round(performance.now() - started)
    if (process.env.RELIABILITY_FIGURES)
      console.log(`fuzz figures ${tag}\n${JSON.stringify(figures, null, 2)}`)
  }, 180_000) // about 25 s on two idle cores; room for a machine busy with other work
})

/*
 * Structurally valid updates that break the board's schema, from participants: random changes made
 * with Yjs on copies of the server's documents (schemaBreaker.ts), so each decodes and depends on
 * nothing missing, and the relay's rules, not its decoder, have to sort them out.
 */
describe(`schema-breaking updates from participants (${tag})`, () => {
  it('the server takes only what its rules allow, keeps serving, and every reader reads its documents', async () => {
    const h = await harness()
    const s = await createSession(h.server.http) // contributions protected (until round 2)
    const fay = createOrigin('u-fay', 'Fay')
    const ann = await person(h.server.http, s, 'Ann')
    const facControl = h.open(controlRoom(s.id), s.keys.facilitator)
    const a = h.open(s.id, s.keys.facilitator)
    const b = h.open(s.id, s.keys.participant, { token: ann.token })
    await Promise.all([facControl, a, b].map(synced))
    // the facilitator's board (no token) writes as anyone; Ann's, with her token, only as Ann
    const writers = [writer, ann.origin] as const
    const canvas = readCanvases(facControl.doc)[0]!.id
    startVoting(facControl.doc, 5, fay)
    const people = [
      await person(h.server.http, s, 'P1'),
      await person(h.server.http, s, 'P2'),
      await person(h.server.http, s, 'P3'),
      null,
    ] // the last proves nobody (no token)
    const others = [ann.origin.userId, ...people.flatMap((p) => (p ? [p.origin.userId] : []))]
    const fuzzers = await Promise.all(
      people.map(async (p, i) => ({
        self: p?.origin ?? createOrigin(`u-plain-${i}`, `Plain ${i}`),
        roots: ['objects', 'meta'],
        attacker: await Attacker.open(h.server.ws, s.id, s.keys.participant, p?.token),
      })),
    )
    const mine = privateRoom(s.id, people[0]!.origin.userId)
    fuzzers.push({
      self: people[0]!.origin,
      roots: ['objects', 'votes'],
      attacker: await Attacker.open(h.server.ws, mine, s.keys.participant, people[0]!.token),
    })
    const rng = new Rng(SEED ^ 0x5c4e3a)
    let taken = 0
    let refused = 0
    for (let round = 0; round < SCHEMA_ROUNDS; round++) {
      if (round === 2) setProtected(facControl.doc, false, fay)
      if (round === 3)
        setLocked(
          a.doc,
          [...objectsOf(a.doc).keys()].filter((_, i) => i % 3 === 0),
          true,
          fay,
        )
      for (const { self, roots, attacker } of fuzzers)
        for (let i = 0; i < SCHEMA_PER_ROUND; i++) {
          const crafted = fuzzedUpdate(rng, attacker, { self, others, canvas, roots })
          if (await attacker.attempt(crafted)) refused++
          else taken++
        }
      await exchange(a, b, round, writers)
    }
    expect(taken, `${tag}: some are within the rules`).toBeGreaterThan(0)
    expect(refused, `${tag}: most are refused`).toBeGreaterThan(taken)
    for (const { attacker } of fuzzers) expect(attacker.open, `${tag}: refusals close nobody`).toBe(true)
    expect(failures(await endpointStatuses(h.server.http, s, ann.token), 500), tag).toEqual({})
    // every object the server holds is one the board can show, and a stock client reads them all
    await h.server.app.relay.flushed()
    for (const room of [s.id, mine]) {
      const doc = serverDoc(h, room)!
      const invalid = [...objectsOf(doc).entries()].flatMap(([id, map]) => {
        const read = readObject(id, map)
        return read.ok ? [] : [read.invalid]
      })
      expect(invalid, `${tag}: objects the rules let through in ${room}`).toEqual([])
      const fresh = h.open(room, s.keys.facilitator)
      await synced(fresh)
      expect(readsCleanly(fresh.doc), tag).toBe(objectsOf(doc).size)
    }
    await exchange(a, b, SCHEMA_ROUNDS, writers)
    expect(snapshot(b.doc), `${tag}: the honest clients converged`).toEqual(snapshot(a.doc))
    const stored = await loadStoredDoc(h.server.storage, s.id)
    expect(snapshot(stored.doc), `${tag}: stored = what the clients have`).toEqual(snapshot(a.doc))
    for (const { attacker } of fuzzers) attacker.close()
  }, 120_000)
})

/** What a document holds, comparably: its state vector and its objects as JSON. */
function snapshot(doc: Y.Doc): { stateVector: [number, number][]; objects: unknown } {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((x, y) => x[0] - y[0])
  return { stateVector: sv, objects: objectsOf(doc).toJSON() }
}
