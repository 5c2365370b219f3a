/**
 * Turns the runs of the relay benchmark into markdown: one table per scenario, then the targets.
 * Rounds of one scenario are pooled: latencies together, CPU as total time over total deliveries.
 */
import type { LoadResult } from './loadgen'
import type { ChurnResult, JoinResult, JoinTime } from './scenarios'
import { SERVER_LABELS, type ServerKind } from './servers'
import { median, percentile, sum } from './stats'

/** One server's runs of one scenario, round by round. */
export interface Runs<T> {
  readonly kind: ServerKind
  readonly results: T[]
  /** Runs thrown away because the load generator saturated, or that failed. */
  readonly discarded: string[]
}

export interface LoadSummary {
  readonly kind: ServerKind
  readonly p99: number
  /** The median of each round's own p99: one round hit by a burst of other work weighs less. */
  readonly roundP99: number
  /** The same for cursor positions (NaN where nobody moves a cursor). */
  readonly cursorP99: number
  readonly roundCursorP99: number
  readonly cpuPer1k: number
  /** The median of each round's own CPU per 1,000 deliveries (a round hit by other work weighs less). */
  readonly roundCpuPer1k: number
  readonly lost: number
  readonly peakRssKb: number
  readonly idleRssKb: number
  /** The busiest generator process's share of a core, in the busiest round. */
  readonly loadgenBusiest: number
}

const ms = (n: number): string =>
  Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '–'
const mb = (kb: number): string => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : '–')
const mb1 = (kb: number): string => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : '–')
const pct = (share: number): string => `${Math.round(share * 100)}%`
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')

/** p50 / p99, then each round's p99. */
function latencyCell(rounds: readonly (readonly number[])[]): string {
  const all = rounds.flat()
  if (all.length === 0) return '–'
  const perRound = rounds.map((l) => ms(percentile(l, 99))).join(', ')
  return `${ms(percentile(all, 50))} / ${ms(percentile(all, 99))} (${perRound})`
}

/** Pools the rounds of one server in one load scenario. */
export function summariseLoad(runs: Runs<LoadResult>): LoadSummary & { cells: string[] } {
  const rs = runs.results
  const latencies = rs.flatMap((r) => r.latencies)
  const cursors = rs.flatMap((r) => r.cursorLatencies)
  const cpuPer1k = (sum(rs.map((r) => r.serverCpuMs)) / sum(rs.map((r) => r.deliveries))) * 1000
  const lost = sum(rs.map((r) => r.lost))
  const merged = rs.map((r) => r.updatesPerBatch).filter((m): m is number => m !== null)
  const peakRssKb = Math.max(...rs.map((r) => r.peakRssKb))
  const idleRssKb = median(rs.map((r) => r.idleRssKb))
  const cells = [
    SERVER_LABELS[runs.kind],
    `${ms(median(rs.map((r) => r.connectMs)))} ms`,
    latencyCell(rs.map((r) => r.latencies)),
    latencyCell(rs.map((r) => r.cursorLatencies)),
    String(lost),
    `${cpuPer1k.toFixed(2)} (${rs.map((r) => ((r.serverCpuMs / r.deliveries) * 1000).toFixed(2)).join(', ')})`,
    (sum(rs.map((r) => r.serverWrites)) / sum(rs.map((r) => r.deliveries))).toFixed(2),
    merged.length ? median(merged).toFixed(2) : '–',
    `${mb(idleRssKb)} · ${mb(peakRssKb)}`,
    rs
      .map(
        (r) =>
          `${pct(r.loadgen.cpu)} · ${pct(r.loadgen.busiestCpu)} · ${ms(r.loadgen.eventLoopDelayP99Ms)} ms`,
      )
      .join(', ') + (runs.discarded.length ? ` (${runs.discarded.length} discarded)` : ''),
  ]
  return {
    kind: runs.kind,
    p99: percentile(latencies, 99),
    roundP99: median(rs.map((r) => percentile(r.latencies, 99))),
    cursorP99: percentile(cursors, 99),
    roundCursorP99: median(rs.map((r) => percentile(r.cursorLatencies, 99))),
    cpuPer1k,
    roundCpuPer1k: median(rs.map((r) => (r.serverCpuMs / r.deliveries) * 1000)),
    lost,
    peakRssKb,
    idleRssKb,
    loadgenBusiest: Math.max(...rs.map((r) => r.loadgen.busiestCpu)),
    cells,
  }
}

export function loadTable(all: readonly Runs<LoadResult>[]): { markdown: string; summaries: LoadSummary[] } {
  const summaries = all.filter((r) => r.results.length > 0).map(summariseLoad)
  const markdown = table(
    [
      'server',
      'connect + sync, all clients',
      'changes: latency p50 / p99 ms (p99 per round)',
      'cursors: latency p50 / p99 ms (p99 per round)',
      'updates lost',
      'server CPU ms / 1,000 deliveries (per round)',
      'server write() calls per delivery',
      'updates per stored batch',
      'server RSS: idle · peak',
      'generator CPU: all processes · busiest · event-loop delay p99 (per round)',
    ],
    summaries.map((s) => s.cells),
  )
  const failed = all.flatMap((r) => r.discarded.map((d) => `${SERVER_LABELS[r.kind]}: ${d}`))
  return {
    markdown: failed.length ? `${markdown}\n\nDiscarded runs: ${failed.join('; ')}.` : markdown,
    summaries,
  }
}

export function joinTable(all: readonly Runs<JoinResult>[]): string {
  const times = (t: readonly JoinTime[], key: keyof JoinTime): string =>
    t.length ? `${ms(median(t.map((x) => x[key])))} / ${ms(Math.max(...t.map((x) => x[key])))}` : '–'
  return table(
    [
      'server',
      'board (encoded)',
      'room open: board received, median / max (ms)',
      'board applied by the client',
      'room loaded from storage first: received / applied',
      'peak RSS',
    ],
    all
      .filter((r) => r.results.length > 0)
      .map(({ kind, results }) => {
        const warm = results.flatMap((r) => r.warm)
        const cold = results.map((r) => r.cold).filter((c): c is JoinTime => c !== null)
        return [
          SERVER_LABELS[kind],
          `${(results[0]!.boardBytes / 1024 / 1024).toFixed(1)} MB`,
          times(warm, 'receivedMs'),
          times(warm, 'appliedMs'),
          cold.length
            ? `${ms(median(cold.map((c) => c.receivedMs)))} / ${ms(median(cold.map((c) => c.appliedMs)))}`
            : '– (no storage)',
          mb(Math.max(...results.map((r) => r.peakRssKb))),
        ]
      }),
  )
}

export function churnTable(all: readonly Runs<ChurnResult>[]): string {
  return table(
    [
      'server',
      'rooms opened and closed',
      'rooms / s',
      'open rooms: before → after',
      'heap in use after GC: before → each cycle → idle after',
      'RSS: before → each cycle → idle after',
      'peak RSS',
    ],
    all
      .filter((r) => r.results.length > 0)
      .map(({ kind, results }) => {
        const r = results[results.length - 1]!
        const series = (key: 'heapKb' | 'rssKb', f: (kb: number) => string): string =>
          `${[r.baseline, ...r.cycles].map((c) => f(c[key]).replace(' MB', '')).join(' → ')} → ${f(r.after[key])}`
        return [
          SERVER_LABELS[kind],
          r.rooms.toLocaleString('en'),
          Math.round(r.roomsPerSecond).toString(),
          `${r.baseline.openRooms} → ${r.after.openRooms}`,
          series('heapKb', mb1),
          series('rssKb', mb),
          mb(r.peakRssKb),
        ]
      }),
  )
}

export interface TargetRow {
  readonly target: string
  readonly measured: string
  readonly met: boolean
}

export const targetTable = (rows: readonly TargetRow[]): string =>
  table(
    ['target', 'measured', 'met'],
    rows.map((r) => [r.target, r.measured, r.met ? 'yes' : '**no**']),
  )
