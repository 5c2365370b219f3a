/**
 * The relay's goals (issue #17), judged on ratios within one run: per workshop scenario, our p99
 * and server CPU per delivery against the best peer's, RSS against the reference relay's
 * (@y/websocket-server), nothing lost, and the load generator itself not the bottleneck.
 */
import type { LoadSummary, TargetRow } from './report'
import type { ServerKind } from './servers'

/** Each generator process may use at most this share of a core (it must not be what is measured). */
export const MAX_GENERATOR_SHARE = 0.21
/** RSS with 200 people in one room: ours at most this many times the reference relay's. */
export const MAX_RSS_RATIO = 1.3

const PEERS: readonly ServerKind[] = ['y-websocket-server', 'hocuspocus']
const x = (n: number): string => `${n.toFixed(2)} ×`
const mib = (kb: number): string => `${Math.round(kb / 1024)}`

/** The goal rows of one scenario. */
export function scenarioGoals(
  label: string,
  summaries: readonly LoadSummary[],
  options: { cursors: boolean; rss: boolean },
): TargetRow[] {
  const ours = summaries.find((s) => s.kind === 'ours')
  const peers = summaries.filter((s) => PEERS.includes(s.kind))
  const reference = summaries.find((s) => s.kind === 'y-websocket-server')
  if (!ours || peers.length === 0)
    return [{ target: `${label}: every server ran`, measured: 'no', met: false }]
  const best = (key: keyof LoadSummary): LoadSummary =>
    peers.reduce((a, b) => ((b[key] as number) < (a[key] as number) ? b : a))
  const name = (s: LoadSummary): string =>
    s.kind === 'hocuspocus' ? 'Hocuspocus' : s.kind === 'y-websocket-server' ? '@y/websocket-server' : s.kind
  const rows: TargetRow[] = []
  const p99 = (key: 'roundP99' | 'roundCursorP99', pooled: 'p99' | 'cursorP99', what: string): void => {
    const peer = best(key)
    const ratio = ours[key] / peer[key]
    rows.push({
      target: `${label}: our ${what} p99 ≤ 1.0 × the best peer’s (median of the rounds’ p99)`,
      measured: `${ours[key].toFixed(1)} vs ${peer[key].toFixed(1)} ms (${name(peer)}) = ${x(ratio)}; all rounds pooled ${ours[pooled].toFixed(1)} vs ${best(pooled)[pooled].toFixed(1)} ms`,
      met: ratio <= 1,
    })
  }
  p99('roundP99', 'p99', 'changes’')
  if (options.cursors) p99('roundCursorP99', 'cursorP99', 'cursors’')
  const cpuPeer = best('cpuPer1k')
  const cpuRatio = ours.cpuPer1k / cpuPeer.cpuPer1k
  rows.push({
    target: `${label}: our server CPU per 1,000 deliveries ≤ 0.8 × the best peer’s (SQLite and update checks on)`,
    measured: `${ours.cpuPer1k.toFixed(2)} vs ${cpuPeer.cpuPer1k.toFixed(2)} ms (${name(cpuPeer)}) = ${x(cpuRatio)} (medians of the rounds: ${x(ours.roundCpuPer1k / best('roundCpuPer1k').roundCpuPer1k)})`,
    met: cpuRatio <= 0.8,
  })
  const rssRatio = ours.peakRssKb / (reference?.peakRssKb ?? NaN)
  rows.push({
    target: `${label}: peak RSS ours / reference relay${options.rss ? ` ≤ ${MAX_RSS_RATIO} ×` : ' (reported)'}; idle RSS`,
    measured: `${mib(ours.peakRssKb)} / ${mib(reference?.peakRssKb ?? NaN)} MiB = ${x(rssRatio)}; idle ${mib(ours.idleRssKb)} / ${mib(reference?.idleRssKb ?? NaN)} MiB`,
    met: !options.rss || rssRatio <= MAX_RSS_RATIO,
  })
  rows.push({
    target: `${label}: updates lost (every server)`,
    measured: summaries.map((s) => `${name(s)} ${s.lost}`).join(', '),
    met: ours.lost === 0,
  })
  const busiest = Math.max(...summaries.map((s) => s.loadgenBusiest))
  rows.push({
    target: `${label}: each load generator process ≤ ${Math.round(MAX_GENERATOR_SHARE * 100)} % of a core (busiest process, busiest round)`,
    measured: `${Math.round(busiest * 100)} %`,
    met: busiest <= MAX_GENERATOR_SHARE,
  })
  return rows
}
