/**
 * The load generator: thin senders writing one small update per interval, starts staggered evenly
 * over the interval, and a few observers per room that decode everything and time each update from
 * its send to its receipt (one process clock: the send time travels inside the update). Watches
 * its own CPU and event-loop delay, so a run where the generator was the bottleneck is known.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { FullClient, Sender } from './clients'
import type { RoomRef, RunningServer } from './servers'
import { sleep, sum } from './stats'

export interface LoadPlan {
  readonly rooms: number
  readonly sendersPerRoom: number
  readonly observersPerRoom: number
  readonly intervalMs: number
  /** Each sender's start within the interval: evenly spaced, or uniformly random (seeded). */
  readonly phases: 'even' | 'random'
  readonly warmupMs: number
  readonly measureMs: number
  /** Longest wait after the last send for every observer to have every update. */
  readonly drainMs: number
}

export interface LoadgenHealth {
  /** CPU time of the generator over the window, as a fraction of one core. */
  readonly cpu: number
  readonly eventLoopDelayP99Ms: number
  readonly eventLoopDelayMaxMs: number
  readonly saturated: boolean
}

export interface LoadResult {
  /** From the first connect to every client synced. */
  readonly connectMs: number
  /** Send → receipt at an observer, for updates sent in the window (ms). */
  readonly latencies: number[]
  readonly sentInWindow: number
  readonly deliveries: number
  readonly lost: number
  readonly serverCpuMs: number
  /** The server's write system calls in the window. */
  readonly serverWrites: number
  readonly peakRssKb: number
  /** Ours only: updates per stored batch in the window (all updates of one event-loop turn). */
  readonly updatesPerBatch: number | null
  readonly loadgen: LoadgenHealth
}

/** The generator is the bottleneck past this share of a core, or this event-loop delay. */
const MAX_LOADGEN_CPU = 0.85
const MAX_LOADGEN_DELAY_MS = 25

interface RoomClients {
  readonly senders: Sender[]
  readonly observers: { client: FullClient; got: Set<number> }[]
}

const stampKey = (sender: number, seq: number): number => sender * 1_000_000 + seq

async function connectAll(server: RunningServer, plan: LoadPlan, refs: RoomRef[]): Promise<RoomClients[]> {
  let next = 0
  return Promise.all(
    refs.map(async (ref) => {
      const first = next
      next += plan.sendersPerRoom
      const [senders, observers] = await Promise.all([
        Promise.all(
          Array.from({ length: plan.sendersPerRoom }, (_, i) =>
            Sender.connect(ref.writer, server.dialect, ref.doc, first + i),
          ),
        ),
        Promise.all(
          Array.from({ length: plan.observersPerRoom }, async () => {
            const client = await FullClient.connect(ref.reader, server.dialect, ref.doc)
            return { client, got: new Set<number>() }
          }),
        ),
      ])
      return { senders, observers }
    }),
  )
}

/** Runs one load scenario against a started server. */
export async function runLoad(server: RunningServer, plan: LoadPlan): Promise<LoadResult> {
  const refs = await server.rooms(plan.rooms) // for ours: sessions made over HTTP, not timed
  const connectStart = performance.now()
  const rooms = await connectAll(server, plan, refs)
  const connectMs = performance.now() - connectStart
  const senders = rooms.flatMap((r) => r.senders)

  const start = performance.now() + 200
  const windowStart = start + plan.warmupMs
  const windowEnd = windowStart + plan.measureMs
  const latencies: number[] = []
  for (const room of rooms)
    for (const o of room.observers)
      o.client.watchStamps((stamp, receivedAt) => {
        o.got.add(stampKey(stamp.c, stamp.s))
        if (stamp.t >= windowStart && stamp.t < windowEnd) latencies.push(receivedAt - stamp.t)
      })

  const random = seededRandom(senders.length)
  const timers = senders.map((sender, j) => {
    const phase = plan.phases === 'even' ? j / senders.length : random()
    const offset = phase * plan.intervalMs
    let k = 0
    const tick = (): void => {
      sender.send()
      k++
      handle.timer = setTimeout(tick, start + offset + k * plan.intervalMs - performance.now())
    }
    const handle = { timer: setTimeout(tick, start + offset - performance.now()) }
    return handle
  })

  await sleep(windowStart - performance.now())
  const sentBefore = sum(senders.map((s) => s.seq))
  const counters0 = await server.relayCounters()
  const cpu0 = server.cpuMs()
  const writes0 = server.writeCalls()
  const ownCpu0 = process.cpuUsage()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  await sleep(windowEnd - performance.now())
  const serverCpuMs = server.cpuMs() - cpu0
  const serverWrites = server.writeCalls() - writes0
  const own = process.cpuUsage(ownCpu0)
  delay.disable()
  const sentInWindow = sum(senders.map((s) => s.seq)) - sentBefore
  const counters1 = await server.relayCounters()
  for (const t of timers) clearTimeout(t.timer)

  const missing = (): number => {
    let lost = 0
    for (const room of rooms)
      for (const s of room.senders)
        for (let seq = 1; seq <= s.seq; seq++)
          if (room.observers.some((o) => !o.got.has(stampKey(s.index, seq)))) lost++
    return lost
  }
  const drainUntil = performance.now() + plan.drainMs
  while (missing() > 0 && performance.now() < drainUntil) await sleep(50)
  const lost = missing()
  const peakRssKb = server.peakRssKb()

  for (const room of rooms) {
    for (const s of room.senders) s.close()
    for (const o of room.observers) o.client.terminate()
  }

  const cpu = (own.user + own.system) / 1000 / plan.measureMs
  const p99 = delay.percentile(99) / 1e6
  const max = delay.max / 1e6
  return {
    connectMs,
    latencies,
    sentInWindow,
    deliveries: sentInWindow * (plan.sendersPerRoom + plan.observersPerRoom),
    lost,
    serverCpuMs,
    serverWrites,
    peakRssKb,
    updatesPerBatch:
      counters0 && counters1
        ? (counters1.updates - counters0.updates) / (counters1.batches - counters0.batches)
        : null,
    loadgen: {
      cpu,
      eventLoopDelayP99Ms: p99,
      eventLoopDelayMaxMs: max,
      saturated: cpu > MAX_LOADGEN_CPU || p99 > MAX_LOADGEN_DELAY_MS,
    },
  }
}

/** mulberry32: a small seeded generator, so every server sees the same send schedule. */
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
