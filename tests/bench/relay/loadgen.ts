/**
 * The load generator: people at a board in some rooms, each editing their recipe card, typing
 * into their note and/or moving their cursor on a fixed schedule (each person's start within the
 * period seeded, the same for every server), and a few observers per room that apply everything
 * and time each change from its send to its receipt. The clients are spread over `workers` child
 * processes (genWorker.ts), so that no one generator process is the bottleneck; each watches its
 * own CPU and event-loop delay, so a run where the generator was too busy is known.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { CheckReport, FromWorker, PersonPlan, ToWorker, WindowReport, WorkerPlan } from './genWorker'
import { now, type SendRecord } from './people'
import type { RunningServer } from './servers'
import { sleep, sum } from './stats'

export interface LoadPlan {
  readonly rooms: number
  readonly peoplePerRoom: number
  readonly observersPerRoom: number
  /** Every person edits their card this often (0: never). */
  readonly cardIntervalMs: number
  /** People per room who type into their note, and how fast. */
  readonly typistsPerRoom: number
  readonly keystrokesPerSecond: number
  /** Every person's cursor moves this many times a second (0: never). */
  readonly cursorHz: number
  readonly warmupMs: number
  readonly measureMs: number
  /** Longest wait after the window for every observer to have every change. */
  readonly drainMs: number
  /** Generator processes the clients are spread over. */
  readonly workers: number
}

export interface LoadgenHealth {
  /** CPU time of all generator processes (this one included) over the window, as a fraction of one core. */
  readonly cpu: number
  /** The busiest generator process's share of a core. */
  readonly busiestCpu: number
  /** The worst event-loop delay p99 among the generator processes. */
  readonly eventLoopDelayP99Ms: number
  readonly saturated: boolean
}

export interface LoadResult {
  /** From the first connect to every client synced. */
  readonly connectMs: number
  /** Send → receipt at an observer, for document changes sent in the window (ms). */
  readonly latencies: number[]
  /** Send → receipt at an observer, for cursor positions sent in the window (ms). */
  readonly cursorLatencies: number[]
  readonly sentInWindow: number
  readonly cursorsInWindow: number
  /** A change or a cursor reaching one connection that should have it (a change's sender included). */
  readonly deliveries: number
  readonly lost: number
  readonly serverCpuMs: number
  /** The server's write system calls in the window. */
  readonly serverWrites: number
  readonly peakRssKb: number
  /** The server's RSS once started, before any room or client. */
  readonly idleRssKb: number
  /** Ours only: updates per stored batch in the window. */
  readonly updatesPerBatch: number | null
  readonly loadgen: LoadgenHealth
}

/** A generator process is the bottleneck past this share of a core, or this event-loop delay. */
const MAX_LOADGEN_CPU = 0.85
const MAX_LOADGEN_DELAY_MS = 25

class Worker {
  private readonly child: ChildProcess
  private waiting: ((m: FromWorker) => void)[] = []

  constructor() {
    this.child = fork(join(import.meta.dirname, 'genWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (m: FromWorker) => this.waiting.shift()?.(m))
  }

  async ask<T extends FromWorker['type']>(m: ToWorker, expect: T): Promise<Extract<FromWorker, { type: T }>> {
    const reply = new Promise<FromWorker>((resolve) => this.waiting.push(resolve))
    this.child.send(m)
    const r = await reply
    if (r.type === 'error') throw new Error(`generator process: ${r.message}`)
    if (r.type !== expect) throw new Error(`generator process answered ${r.type}, not ${expect}`)
    return r as Extract<FromWorker, { type: T }>
  }

  stop(): void {
    this.child.kill()
  }
}

/** Runs one load scenario against a started server. */
export async function runLoad(server: RunningServer, plan: LoadPlan): Promise<LoadResult> {
  await sleep(1000)
  const idleRssKb = server.rssKb()
  const refs = await server.rooms(plan.rooms) // for ours: sessions made over HTTP, not timed
  const random = seededRandom(plan.rooms * plan.peoplePerRoom)
  const plans: { people: PersonPlan[]; observers: WorkerPlan['observers'][number][] }[] = Array.from(
    { length: plan.workers },
    () => ({ people: [], observers: [] }),
  )
  let index = 0
  refs.forEach((ref, room) => {
    for (let i = 0; i < plan.peoplePerRoom; i++, index++) {
      plans[index % plan.workers]!.people.push({
        room,
        url: ref.writer,
        doc: ref.doc,
        index,
        phase: random(),
        editsCard: plan.cardIntervalMs > 0,
        types: i < plan.typistsPerRoom,
      })
    }
    for (let i = 0; i < plan.observersPerRoom; i++)
      plans[(room * plan.observersPerRoom + i) % plan.workers]!.observers.push({
        room,
        url: ref.reader,
        doc: ref.doc,
      })
  })
  const workers = plans.map(() => new Worker())
  try {
    const connectStart = performance.now()
    await Promise.all(
      workers.map((w, i) =>
        w.ask(
          {
            type: 'plan',
            plan: {
              dialect: server.dialect.name,
              people: plans[i]!.people,
              observers: plans[i]!.observers,
              cardIntervalMs: plan.cardIntervalMs,
              keystrokesPerSecond: plan.keystrokesPerSecond,
              cursorHz: plan.cursorHz,
            },
          },
          'ready',
        ),
      ),
    )
    const connectMs = performance.now() - connectStart
    const startAt = now() + 300
    const windowStart = startAt + plan.warmupMs
    const windowEnd = windowStart + plan.measureMs
    if (process.env.PRINT_WINDOW) console.log(`window ${windowStart} ${windowEnd}`)
    const reports = Promise.all(
      workers.map((w) => w.ask({ type: 'start', startAt, windowStart, windowEnd }, 'window')),
    )
    // our counters a little before the window: a scrape of /metrics costs our server some CPU (peers
    // have nothing to scrape), so it is kept out of the window; the batch ratio barely notices
    await sleep(windowStart - 1000 - now())
    const counters0 = await server.relayCounters()
    await sleep(windowStart - now())
    const t0 = now()
    const cpu0 = server.cpuMs()
    const writes0 = server.writeCalls()
    const ownCpu0 = process.cpuUsage()
    await sleep(windowEnd - now())
    // the window as it was really read (this process may wake late on a busy machine), scaled to the nominal one
    const scale = plan.measureMs / (now() - t0)
    const serverCpuMs = (server.cpuMs() - cpu0) * scale
    const serverWrites = (server.writeCalls() - writes0) * scale
    const own = process.cpuUsage(ownCpu0)
    const counters1 = await server.relayCounters()
    const windows: WindowReport[] = (await reports).map((r) => r.report)

    const sends: SendRecord[] = windows.flatMap((w) => w.sends)
    const check = (final: boolean): Promise<CheckReport[]> =>
      Promise.all(workers.map(async (w) => (await w.ask({ type: 'check', sends, final }, 'check')).report))
    const drainUntil = performance.now() + plan.drainMs
    while (sum((await check(false)).map((r) => r.missing)) > 0 && performance.now() < drainUntil)
      await sleep(200)
    const checks = await check(true)

    const inWindow = (at: number): boolean => at >= windowStart && at < windowEnd
    const sentInWindow = sends.filter((s) => inWindow(s[3])).length
    const cursorsInWindow = sum(windows.map((w) => w.cursorsSent))
    const perProcess = windows.map((w) => w.cpuMs / plan.measureMs)
    const ownShare = ((own.user + own.system) / 1000 / plan.measureMs) * scale
    const delayP99 = Math.max(...windows.map((w) => w.eventLoopDelayP99Ms))
    const busiest = Math.max(...perProcess)
    return {
      connectMs,
      latencies: checks.flatMap((c) => c.latencies),
      cursorLatencies: checks.flatMap((c) => c.cursorLatencies),
      sentInWindow,
      cursorsInWindow,
      deliveries:
        sentInWindow * (plan.peoplePerRoom + plan.observersPerRoom) +
        cursorsInWindow * (plan.peoplePerRoom - 1 + plan.observersPerRoom),
      lost: sum(checks.map((c) => c.missing)) + sum(windows.map((w) => w.closed)),
      serverCpuMs,
      serverWrites,
      peakRssKb: server.peakRssKb(),
      idleRssKb,
      updatesPerBatch:
        counters0 && counters1
          ? (counters1.updates - counters0.updates) / (counters1.batches - counters0.batches)
          : null,
      loadgen: {
        cpu: sum(perProcess) + ownShare,
        busiestCpu: busiest,
        eventLoopDelayP99Ms: delayP99,
        saturated: busiest > MAX_LOADGEN_CPU || delayP99 > MAX_LOADGEN_DELAY_MS,
      },
    }
  } finally {
    for (const w of workers) w.stop()
  }
}

/** mulberry32: a small seeded generator, so every server sees the same schedule. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
