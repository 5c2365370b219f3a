/**
 * The servers under test, each started as its own child process on port 0, and what the benchmark
 * reads from them: CPU time and memory from /proc, open rooms, and room URLs to connect to.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUILT } from './prebuild'
import { hocuspocus, yWebsocket, type Dialect } from './wire'
import { GENEROUS_GUARD_ENV } from '../../helpers/generousEnv'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const HERE = 'tests/bench/relay'
/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`; 100 on Linux). */
const CLK_TCK = 100

export type ServerKind = 'ours' | 'ours-before' | 'ours-memory' | 'y-websocket-server' | 'hocuspocus'

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours (SQLite, default)',
  'ours-before': 'ours before this change (SQLite)',
  'ours-memory': 'ours (memory storage)',
  'y-websocket-server': '@y/websocket-server 0.1.1',
  hocuspocus: '@hocuspocus/server 3.4.4',
}

/** One room to connect to: URLs for a writer and a reader, and the document name on the wire. */
export interface RoomRef {
  readonly doc: string
  readonly writer: string
  readonly reader: string
}

/** A session that already exists in our data folder (see churn), by id and participant key. */
export interface SeededSession {
  readonly id: string
  readonly key: string
}

export interface RunningServer {
  readonly kind: ServerKind
  readonly pid: number
  readonly http: string
  readonly dialect: Dialect
  /** Prepares `count` fresh rooms (for ours: sessions made through the HTTP API). */
  rooms(count: number): Promise<RoomRef[]>
  /** A room of a session created before the server started (ours only). */
  seededRoom(session: SeededSession): RoomRef
  /** A room by name that no one has opened (peers only). */
  namedRoom(name: string): RoomRef
  openRooms(): Promise<number>
  /** Ours only: updates relayed and batches stored so far (to tell how many merged per turn). */
  relayCounters(): Promise<{ updates: number; batches: number } | null>
  cpuMs(): number
  /** Write system calls so far (/proc/<pid>/io syscw): socket writes, and SQLite's for ours. */
  writeCalls(): number
  rssKb(): number
  peakRssKb(): number
  /** Runs a full garbage collection in the server (SIGUSR2, see gcOnSignal.ts); returns the heap in use (kB). */
  collectGarbage(): Promise<number>
  stop(): Promise<void>
}

function entryArgs(kind: ServerKind, profileDir?: string): string[] {
  // `--cpu-prof` writes a .cpuprofile when the server exits (open it in Chrome's devtools)
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${kind}`] : []
  if (kind === 'ours-before') {
    // another checkout, as it ran then: compiled at start
    const pre = ['--expose-gc', '--import', 'tsx', '--import', join(ROOT, HERE, 'gcOnSignal.ts')]
    return [...prof, ...pre, 'server/start.ts', '--no-build']
  }
  // built ahead of time (prebuild.ts): plain node, as a deployment runs it
  const pre = [...prof, '--expose-gc', '--import', join(BUILT, 'gcOnSignal.mjs')]
  switch (kind) {
    case 'ours':
      return [...pre, join(BUILT, 'start.mjs'), '--no-build']
    case 'ours-memory':
      return [...pre, join(BUILT, 'oursMemory.mjs')]
    case 'y-websocket-server':
      return [...pre, join(BUILT, 'peerYWebsocket.mjs')]
    case 'hocuspocus':
      return [...pre, join(BUILT, 'peerHocuspocus.mjs')]
  }
}

function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // fields after "(comm)", which may itself hold spaces; the first of them is field 3 (state)
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

function procStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : NaN
}

async function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 30_000)
    const check = (): void => {
      const m = /ready at (http:\/\/[\d.]+:\d+)\//.exec(output())
      if (!m?.[1]) return
      clearTimeout(timer)
      child.stdout?.off('data', check)
      resolve(m[1])
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output()}`))
    })
  })
}

export interface StartOptions {
  /** Ours only: a data folder to reuse, e.g. one with seeded sessions. */
  readonly dataDir?: string
  /** Write a CPU profile of the server into this folder. */
  readonly profileDir?: string
  /** For 'ours-before': a checkout of the project to run our server from (with node_modules). */
  readonly beforeDir?: string
}

/** Starts one server as a child process and waits for its ready line. */
export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> {
  const { dataDir, profileDir, beforeDir } = options
  if (kind === 'ours-before' && !beforeDir) throw new Error('ours-before needs a checkout to run')
  const ownDir = dataDir ? null : mkdtempSync(join(tmpdir(), 'wb-bench-relay-'))
  const child = spawn(process.execPath, entryArgs(kind, profileDir), {
    cwd: kind === 'ours-before' ? beforeDir : ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir ?? ownDir!,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      ...GENEROUS_GUARD_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const http = await waitForReady(child, () => out)
  const ws = http.replace('http', 'ws')
  const pid = child.pid!
  const ours = kind !== 'y-websocket-server' && kind !== 'hocuspocus'
  let roomCounter = 0

  const oursRoom = (id: string, participant: string, viewer: string): RoomRef => ({
    doc: id,
    writer: `${ws}/ws/${id}?key=${participant}`,
    reader: `${ws}/ws/${id}?key=${viewer}`,
  })
  const peerRoom = (name: string): RoomRef =>
    kind === 'hocuspocus'
      ? { doc: name, writer: `${ws}/`, reader: `${ws}/` }
      : { doc: name, writer: `${ws}/${name}`, reader: `${ws}/${name}` }

  return {
    kind,
    pid,
    http,
    dialect: kind === 'hocuspocus' ? hocuspocus : yWebsocket,
    rooms: async (count) => {
      if (!ours) return Array.from({ length: count }, () => peerRoom(`room-${roomCounter++}`))
      const refs: RoomRef[] = []
      for (let i = 0; i < count; i++) {
        const s = await createSessionOverHttp(http)
        refs.push(oursRoom(s.id, s.participant, s.viewer))
      }
      return refs
    },
    seededRoom: (s) => oursRoom(s.id, s.key, s.key),
    namedRoom: peerRoom,
    openRooms: async () => {
      if (!ours) return Number(await (await fetch(`${http}/rooms`)).text())
      const text = await (await fetch(`${http}/metrics`)).text()
      return Number(/^whiteboard_rooms_open (\d+)/m.exec(text)?.[1] ?? NaN)
    },
    relayCounters: async () => {
      if (!ours) return null
      const text = await (await fetch(`${http}/metrics`)).text()
      const read = (name: string): number => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN)
      return {
        updates: read('whiteboard_updates_relayed_total'),
        batches: read('whiteboard_storage_append_seconds_count'),
      }
    },
    cpuMs: () => {
      const f = procStat(pid)
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK
    },
    writeCalls: () => Number(/^syscw: (\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN),
    rssKb: () => procStatusKb(pid, 'VmRSS'),
    peakRssKb: () => procStatusKb(pid, 'VmHWM'),
    collectGarbage: async () => {
      const heap = new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(NaN), 5_000)
        const onData = (d: Buffer): void => {
          const m = /bench-heap-used (\d+)/.exec(d.toString())
          if (!m) return
          clearTimeout(timer)
          child.stdout.off('data', onData)
          resolve(Number(m[1]) / 1024)
        }
        child.stdout.on('data', onData)
      })
      child.kill('SIGUSR2')
      const heapKb = await heap
      await new Promise((r) => setTimeout(r, 300)) // let freed pages go back before RSS is read
      return heapKb
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      if (ownDir) rmSync(ownDir, { recursive: true, force: true })
    },
  }
}

async function createSessionOverHttp(http: string) {
  const res = await fetch(`${http}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collage', title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`)
  const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
  const key = (link: string | undefined): string => new URL(link ?? '', http).searchParams.get('key') ?? ''
  return { id, participant: key(links.participant), viewer: key(links.viewer) }
}
