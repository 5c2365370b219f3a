/**
 * One process of the load generator (forked by loadgen.ts): connects its share of the people and
 * observers, runs their schedule, and reports its own CPU and event-loop delay over the measured
 * window, what its people sent, and then what its observers received of it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { now, Observer, Person, type SendRecord } from './people'
import { hocuspocus, yWebsocket } from './wire'

export interface PersonPlan {
  readonly room: number
  readonly url: string
  readonly doc: string
  readonly index: number
  /** Where in each period this person's actions start (0–1, seeded: the same for every server). */
  readonly phase: number
  readonly editsCard: boolean
  readonly types: boolean
}

export interface WorkerPlan {
  readonly dialect: 'y-websocket' | 'hocuspocus'
  readonly people: readonly PersonPlan[]
  readonly observers: readonly { room: number; url: string; doc: string }[]
  readonly cardIntervalMs: number
  readonly keystrokesPerSecond: number
  readonly cursorHz: number
}

export type ToWorker =
  | { type: 'plan'; plan: WorkerPlan }
  | { type: 'start'; startAt: number; windowStart: number; windowEnd: number }
  | { type: 'check'; sends: SendRecord[]; final: boolean }

export interface WindowReport {
  readonly cpuMs: number
  readonly eventLoopDelayP99Ms: number
  readonly sends: SendRecord[]
  /** Cursor states sent within the window. */
  readonly cursorsSent: number
  readonly closed: number
}

export interface CheckReport {
  /** Send → receipt at an observer, for sends within the window (ms), one per observer. */
  readonly latencies: number[]
  readonly cursorLatencies: number[]
  /** Sends some observer of their room has not received. */
  readonly missing: number
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'window'; report: WindowReport }
  | { type: 'check'; report: CheckReport }
  | { type: 'error'; message: string }

const send = (m: FromWorker): void => void process.send!(m)
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)))

let people: Person[] = []
let observers: { room: number; observer: Observer }[] = []
let plan: WorkerPlan
let window: [number, number] = [0, 0]
const timers: NodeJS.Timeout[] = []

/** Calls `act` every `periodMs` from `first` on, on schedule (a late tick does not shift the next). */
function every(first: number, periodMs: number, act: () => void): void {
  let k = 0
  const slot = timers.length
  const tick = (): void => {
    act()
    k++
    timers[slot] = setTimeout(tick, first + k * periodMs - now())
  }
  timers.push(setTimeout(tick, first - now()))
}

async function connect(p: WorkerPlan): Promise<void> {
  plan = p
  const dialect = p.dialect === 'hocuspocus' ? hocuspocus : yWebsocket
  // a few at a time: a server's accept queue is small, and this is not what is measured
  for (let i = 0; i < p.people.length; i += 20) {
    const batch = p.people.slice(i, i + 20)
    people.push(
      ...(await Promise.all(batch.map((q) => Person.connect(q.url, dialect, q.doc, q.room, q.index)))),
    )
  }
  observers = await Promise.all(
    p.observers.map(async (o) => ({ room: o.room, observer: await Observer.connect(o.url, dialect, o.doc) })),
  )
}

async function run(startAt: number, windowStart: number, windowEnd: number): Promise<void> {
  window = [windowStart, windowEnd]
  for (const { observer } of observers) observer.record(windowStart, windowEnd)
  plan.people.forEach((q, i) => {
    const person = people[i]!
    if (q.editsCard)
      every(startAt + q.phase * plan.cardIntervalMs, plan.cardIntervalMs, () => person.editCard())
    if (q.types) {
      const period = 1000 / plan.keystrokesPerSecond
      every(startAt + q.phase * period, period, () => person.typeKey())
    }
    if (plan.cursorHz > 0) {
      const period = 1000 / plan.cursorHz
      every(startAt + ((q.phase * 7) % 1) * period, period, () => person.moveCursor())
    }
  })
  await sleep(windowStart - now())
  const cpu0 = process.cpuUsage()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  await sleep(windowEnd - now())
  const cpu = process.cpuUsage(cpu0)
  delay.disable()
  for (const t of timers) clearTimeout(t)
  send({
    type: 'window',
    report: {
      cpuMs: (cpu.user + cpu.system) / 1000,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      sends: people.flatMap((p) => p.sends),
      cursorsSent: people.reduce(
        (n, p) => n + p.cursorsSent.filter((t) => t >= windowStart && t < windowEnd).length,
        0,
      ),
      closed: people.filter((p) => p.closed).length,
    },
  })
}

function check(sends: readonly SendRecord[], final: boolean): CheckReport {
  const latencies: number[] = []
  let missing = 0
  for (const [room, client, clock, at] of sends) {
    let lacking = false
    for (const o of observers) {
      if (o.room !== room) continue
      const got = o.observer.arrival(client, clock)
      if (got === undefined) lacking = true
      else if (final && at >= window[0] && at < window[1]) latencies.push(got - at)
    }
    if (lacking) missing++
  }
  const cursorLatencies = final ? observers.flatMap((o) => o.observer.cursorLatencies) : []
  if (final) {
    for (const p of people) p.close()
    for (const o of observers) o.observer.close()
    people = []
    observers = []
  }
  return { latencies, cursorLatencies, missing }
}

process.on('message', (m: ToWorker) => {
  const work = async (): Promise<void> => {
    if (m.type === 'plan') {
      await connect(m.plan)
      send({ type: 'ready' })
    } else if (m.type === 'start') await run(m.startAt, m.windowStart, m.windowEnd)
    else send({ type: 'check', report: check(m.sends, m.final) })
  }
  work().catch((err: unknown) => send({ type: 'error', message: String((err as Error).stack ?? err) }))
})
process.on('disconnect', () => process.exit(0))
