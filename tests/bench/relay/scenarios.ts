/**
 * The scenarios besides steady load (loadgen.ts): a new client joining a large board, and rooms
 * opened and closed by the thousand to see that memory and the open-room count come back down.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { createSession } from '../../../server/sessions/service'
import { openSqliteStorage } from '../../../server/storage/sqlite'
import { createMemoryTemplateStore } from '../../../server/templates/templateStore'
import { FullClient } from './clients'
import type { RoomRef, RunningServer, SeededSession } from './servers'
import { pool, sleep } from './stats'

/** One join: connect → the whole board received (the relay's part), and → applied by the client. */
export interface JoinTime {
  readonly receivedMs: number
  readonly appliedMs: number
}

export interface JoinResult {
  /** Each join while the room is open. */
  readonly warm: JoinTime[]
  /** A join that loads the room from storage first (ours only). */
  readonly cold: JoinTime | null
  readonly boardBytes: number
  readonly peakRssKb: number
}

async function timedJoin(ref: RoomRef, server: RunningServer, expected: Map<number, number>) {
  const start = performance.now()
  const client = await FullClient.connect(ref.reader, server.dialect, ref.doc)
  const time: JoinTime = { receivedMs: client.step2ReceivedAt - start, appliedMs: performance.now() - start }
  const complete = client.has(expected)
  await client.close()
  if (!complete) throw new Error('a joining client did not receive the whole board')
  return time
}

/** Seeds a board of `updates` through one client, then times `joins` new clients joining it. */
export async function runJoin(server: RunningServer, updates: Uint8Array[], joins: number) {
  const [ref] = await server.rooms(1)
  const seeder = await FullClient.connect(ref!.writer, server.dialect, ref!.doc)
  const board = Y.mergeUpdates(updates)
  const expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(board))
  for (const u of updates) seeder.sendUpdate(u)
  // the server echoes the seeder's writes once it holds (and, for ours, has stored) them
  const until = performance.now() + 60_000
  while (!seeder.has(expected) && performance.now() < until) await sleep(20)
  if (!seeder.has(expected)) throw new Error('the board was not relayed back to its seeder')

  const warm: JoinTime[] = []
  for (let i = 0; i < joins; i++) warm.push(await timedJoin(ref!, server, expected))
  await seeder.close()

  let cold: JoinTime | null = null
  if (server.kind.startsWith('ours')) {
    const settled = performance.now() + 10_000
    while ((await server.openRooms()) > 0 && performance.now() < settled) await sleep(50)
    cold = await timedJoin(ref!, server, expected)
  }
  return { warm, cold, boardBytes: board.byteLength, peakRssKb: server.peakRssKb() } satisfies JoinResult
}

/** Open rooms, then memory after a full garbage collection. */
export interface MemoryReading {
  readonly openRooms: number
  readonly heapKb: number
  readonly rssKb: number
}

export interface ChurnResult {
  readonly rooms: number
  readonly roomsPerSecond: number
  /** After the warm-up, once idle. */
  readonly baseline: MemoryReading
  /** Right after each cycle of opening and closing rooms. */
  readonly cycles: MemoryReading[]
  /** After the last cycle, once idle. */
  readonly after: MemoryReading
  readonly peakRssKb: number
}

/** Creates sessions in a data folder before our server starts (the same code the HTTP API runs). */
export async function seedSessions(count: number): Promise<{ dataDir: string; sessions: SeededSession[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-churn-'))
  const storage = openSqliteStorage(dataDir)
  const templates = createMemoryTemplateStore()
  const sessions: SeededSession[] = []
  for (let i = 0; i < count; i++) {
    const { id, links } = await createSession(storage, templates, 'collage', `Churn ${i}`)
    sessions.push({ id, key: new URL(links.participant, 'http://x').searchParams.get('key')! })
  }
  storage.close()
  return { dataDir, sessions }
}

/** Waits until the open rooms are down to `target`, or stop changing (a server that keeps them). */
async function roomsClosed(server: RunningServer, target: number): Promise<number> {
  const until = performance.now() + 10_000
  let open = await server.openRooms()
  let unchanged = 0
  while (open > target && unchanged < 10 && performance.now() < until) {
    await sleep(100)
    const now = await server.openRooms()
    unchanged = now === open ? unchanged + 1 : 0
    open = now
  }
  return open
}

/** Open rooms, and memory right after a full garbage collection. */
async function reading(server: RunningServer, target: number): Promise<MemoryReading> {
  const openRooms = await roomsClosed(server, target)
  const heapKb = await server.collectGarbage()
  return { openRooms, heapKb, rssKb: server.rssKb() }
}

/**
 * The same once the server has been idle long enough for V8 to give back the heap it grew while
 * busy (its memory reducer runs after some seconds of quiet): until RSS stops falling, at most 20 s.
 */
async function idleReading(server: RunningServer, target: number): Promise<MemoryReading> {
  const openRooms = await roomsClosed(server, target)
  let rss = server.rssKb()
  for (let steady = 0, waited = 0; steady < 3 && waited < 20; waited++) {
    await sleep(1000)
    const now = server.rssKb()
    steady = now < rss - 512 ? 0 : steady + 1
    rss = Math.min(rss, now)
  }
  const heapKb = await server.collectGarbage()
  return { openRooms, heapKb, rssKb: server.rssKb() }
}

export interface ChurnPlan {
  readonly warmup: readonly RoomRef[]
  readonly cycles: readonly (readonly RoomRef[])[]
  readonly concurrency: number
}

/** Opens, syncs and closes every room of every cycle, `concurrency` at a time. */
export async function runChurn(server: RunningServer, plan: ChurnPlan): Promise<ChurnResult> {
  const visit = async (ref: RoomRef): Promise<void> => {
    const client = await FullClient.connect(ref.reader, server.dialect, ref.doc)
    await client.close()
  }
  const before = await server.openRooms()
  await pool(plan.warmup, plan.concurrency, visit)
  const baseline = await idleReading(server, before)
  const cycles: MemoryReading[] = []
  let busyMs = 0
  for (const cycle of plan.cycles) {
    const start = performance.now()
    await pool(cycle, plan.concurrency, visit)
    busyMs += performance.now() - start
    cycles.push(await reading(server, baseline.openRooms))
  }
  const after = await idleReading(server, baseline.openRooms)
  const rooms = plan.cycles.reduce((n, c) => n + c.length, 0)
  const roomsPerSecond = rooms / (busyMs / 1000)
  return { rooms, roomsPerSecond, baseline, cycles, after, peakRssKb: server.peakRssKb() }
}
