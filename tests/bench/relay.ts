/**
 * `npm run bench:relay [-- --quick] [-- --scenarios] [-- --only=a,b,c] [-- --profile] [-- --before=DIR]`:
 * our relay side by side with @y/websocket-server and @hocuspocus/server in the three workshop
 * scenarios of issue #17 (a: 1 room × 200 people, b: 10 rooms × 20 people with cursors and typing,
 * c: 100 rooms × 5 people), then a large board's join and room churn (`--scenarios`: only the
 * three). Each server runs in its own process, one at a time, in rounds that alternate (A B C A B C)
 * so that drift on this shared machine hits every server alike. Exits non-zero when a goal is
 * missed. Writes the figures to docs/benchmarks.md (section "Relay"). `--profile` writes each
 * server's CPU profile to .tmp/relay-profiles; `--before=DIR` also runs our server from another
 * checkout (e.g. `git archive` of an earlier commit, with node_modules linked) to compare a change.
 * `npm run bench:rules` (`--rules`): only the two load scenarios the rule checking is judged on, ours
 * against ours from the commit before the relay checked updates (a checkout made under .tmp), in
 * alternating rounds; writes the section "Relay: the cost of checking every update".
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { writeSection } from './report'
import { buildBoard } from './relay/board'
import { scenarioGoals } from './relay/goals'
import { prebuildServers } from './relay/prebuild'
import { runLoad, type LoadPlan, type LoadResult } from './relay/loadgen'
import {
  churnTable,
  joinTable,
  loadTable,
  targetTable,
  type LoadSummary,
  type Runs,
  type TargetRow,
} from './relay/report'
import { runChurn, runJoin, seedSessions, type ChurnResult, type JoinResult } from './relay/scenarios'
import { startServer, type RunningServer, type ServerKind } from './relay/servers'
import { median } from './relay/stats'
import { checkoutBefore, RULES_BEFORE, rulesSection } from './relay/rulesCost'

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md')
const quick = process.argv.includes('--quick')
const profileDir = process.argv.includes('--profile')
  ? join(import.meta.dirname, '..', '..', '.tmp', 'relay-profiles')
  : undefined
const rulesOnly = process.argv.includes('--rules')
const beforeDir =
  process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length) ??
  (rulesOnly ? checkoutBefore(RULES_BEFORE) : undefined)
/** Rounds of the join and churn scenarios, and of the three workshop scenarios. */
const ROUNDS = quick ? 1 : 2
const SCENARIO_ROUNDS = quick ? 1 : 3
/** Rounds of each scenario in `--rules`: two servers only, so more rounds, and the median of them. */
const RULES_ROUNDS = quick ? 1 : 5
const scenariosOnly = process.argv.includes('--scenarios')
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const PEERS: ServerKind[] = ['y-websocket-server', 'hocuspocus']
const BEFORE: ServerKind[] = beforeDir ? ['ours-before'] : []
const LOADED: ServerKind[] = ['ours', ...BEFORE, ...PEERS]
const ONLY_SQLITE: ServerKind[] = ['ours', ...BEFORE, ...PEERS]
const CHURNED: ServerKind[] = ['ours', ...PEERS]

const plan = (p: Partial<LoadPlan> & Pick<LoadPlan, 'rooms' | 'peoplePerRoom'>): LoadPlan => ({
  observersPerRoom: 1,
  cardIntervalMs: 0,
  typistsPerRoom: 0,
  keystrokesPerSecond: 5,
  cursorHz: 0,
  warmupMs: quick ? 1500 : 3000,
  measureMs: quick ? 4000 : 10_000,
  drainMs: 15_000,
  workers: 4,
  ...p,
})
/** The workshop scenarios of issue #17. */
const SCENARIOS = [
  {
    id: 'a',
    name: '(a) 1 room × 200 people, 1 update/s each',
    plan: plan({ rooms: 1, peoplePerRoom: 200, observersPerRoom: 3, cardIntervalMs: 1000 }),
    cursors: false,
  },
  {
    id: 'b',
    name: '(b) 10 rooms × 20 people, every cursor at 10 Hz, 1 in 5 typing 5 keys/s',
    plan: plan({ rooms: 10, peoplePerRoom: 20, typistsPerRoom: 4, cursorHz: 10 }),
    cursors: true,
  },
  {
    id: 'c',
    name: '(c) 100 rooms × 5 people, 1 update/s each',
    plan: plan({ rooms: 100, peoplePerRoom: 5, cardIntervalMs: 1000, workers: 2 }),
    cursors: false,
  },
].filter((s) => !only || only.includes(s.id))
/** The scenarios `--rules` judges the cost of checking on (before issue #17: 200 in one room, 100 × 5). */
const RULES_LOADS = SCENARIOS.filter((s) => s.id !== 'b')
const BOARD_OBJECTS = 5000
const JOINS = quick ? 2 : 5
const CHURN_ROOMS = quick ? 1000 : 10_000
const CHURN_CYCLES = quick ? 2 : 5
const CHURN_WARMUP = quick ? 50 : 200

/** A run whose load generator was too busy to measure is run again once (this many attempts in all). */
const MAX_ATTEMPTS = 2

/** Runs `run` against each server in turn, round after round; a run whose generator saturated is run again. */
async function rounds<T extends object>(
  kinds: readonly ServerKind[],
  label: string,
  run: (server: RunningServer) => Promise<T>,
  options: { dataDir?: string; count?: number } = {},
): Promise<Runs<T>[]> {
  const { dataDir, count = ROUNDS } = options
  const all = kinds.map((kind) => ({ kind, results: [] as T[], discarded: [] as string[] }))
  for (let round = 1; round <= count; round++) {
    for (const runs of all) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const server = await startServer(runs.kind, {
          dataDir: runs.kind === 'ours' ? dataDir : undefined,
          beforeDir,
          profileDir,
        })
        const started = performance.now()
        try {
          const result = await run(server)
          const health = 'loadgen' in result ? (result as unknown as LoadResult).loadgen : null
          console.log(
            `${label} · ${runs.kind} · round ${round}: ${Math.round((performance.now() - started) / 1000)} s`,
          )
          if (health?.saturated && attempt < MAX_ATTEMPTS) {
            runs.discarded.push(
              `round ${round}, a generator process at ${Math.round(health.busiestCpu * 100)}% CPU, event-loop delay p99 ${Math.round(health.eventLoopDelayP99Ms)} ms`,
            )
            continue
          }
          runs.results.push(result)
        } catch (err) {
          runs.discarded.push(`round ${round} failed: ${(err as Error).message}`)
          console.error(`${label} · ${runs.kind}:`, err)
        } finally {
          await server.stop()
        }
        break
      }
    }
  }
  return all
}

const mb1 = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`

/** The join and churn targets (the workshop scenarios' goals come from goals.ts). */
function joinChurnTargets(join: Runs<JoinResult>[], churn: Runs<ChurnResult>[]): TargetRow[] {
  const oursJoin = join.find((j) => j.kind === 'ours')?.results ?? []
  const received = oursJoin.flatMap((r) => r.warm.map((w) => w.receivedMs))
  const applied = oursJoin.flatMap((r) => r.warm.map((w) => w.appliedMs))
  const cold = oursJoin.map((r) => r.cold?.receivedMs ?? NaN)
  const ch = churn.find((c) => c.kind === 'ours')?.results.at(-1)
  const first = ch?.cycles[0]
  // after the first cycle has grown the heap to its working size, more rooms must not add to it
  const laterRooms = ch ? (ch.rooms * (ch.cycles.length - 1)) / ch.cycles.length : NaN
  const heapPerRoom = ch && first ? ((ch.after.heapKb - first.heapKb) * 1024) / laterRooms : NaN
  const rssRatio = ch ? ch.after.rssKb / ch.baseline.rssKb : NaN
  return [
    {
      target: `join of a ${BOARD_OBJECTS.toLocaleString('en')}-object board ≤ 300 ms (median of the joins): connect → whole board received`,
      measured: `median ${Math.round(median(received))} ms, max ${Math.round(Math.max(...received))} ms (room loaded from SQLite first: ${Math.round(median(cold))} ms)`,
      met: received.length > 0 && median(received) <= 300,
    },
    {
      target: '… and applied by the client (its Yjs decode included, the same for every server)',
      measured: `median ${Math.round(median(applied))} ms, max ${Math.round(Math.max(...applied))} ms`,
      met: applied.length > 0 && median(applied) <= 300,
    },
    {
      target: 'room churn leaks nothing: open rooms back to baseline, heap in use flat after the first cycle',
      measured: ch
        ? `open rooms ${ch.baseline.openRooms} → ${ch.after.openRooms}; heap after GC ${mb1(ch.baseline.heapKb)} → ${mb1(first?.heapKb ?? NaN)} after the first cycle → ${mb1(ch.after.heapKb)} (${heapPerRoom.toFixed(0)} bytes per later room)`
        : '–',
      met: !!ch && ch.after.openRooms === ch.baseline.openRooms && heapPerRoom < 100,
    },
    {
      target: '… and RSS back to baseline once idle (within 10%)',
      measured: ch ? `${mb1(ch.baseline.rssKb)} → ${mb1(ch.after.rssKb)} (peak ${mb1(ch.peakRssKb)})` : '–',
      met: rssRatio <= 1.1,
    },
  ]
}

/** `--rules`: ours with and without checking updates, on the scenarios where the cost is judged. */
async function rulesMain(): Promise<void> {
  const started = performance.now()
  const tables: { name: string; summaries: LoadSummary[]; markdown: string }[] = []
  for (const { name, plan } of RULES_LOADS) {
    const runs = await rounds(['ours', 'ours-before'], name, (s) => runLoad(s, plan), { count: RULES_ROUNDS })
    tables.push({ name, ...loadTable(runs) })
  }
  const body = rulesSection(
    tables,
    RULES_ROUNDS,
    RULES_BEFORE,
    Math.round((performance.now() - started) / 1000),
  )
  console.log(body)
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`
  await writeSection(
    'Relay: the cost of checking every update',
    `npm run bench:rules${quick ? ' -- --quick' : ''}`,
    machine,
    body,
  )
  const config = (await resolveConfig(DOCS)) ?? {}
  writeFileSync(DOCS, await format(readFileSync(DOCS, 'utf8'), { ...config, filepath: DOCS }))
}

async function main(): Promise<void> {
  await prebuildServers()
  if (rulesOnly) return rulesMain()
  const started = performance.now()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  const sections: string[] = [intro()]
  const goals: TargetRow[] = []
  for (const { name, plan, cursors, id } of SCENARIOS) {
    const load = uptime()
    const runs = await rounds(LOADED, name, (s) => runLoad(s, plan), { count: SCENARIO_ROUNDS })
    const { markdown, summaries } = loadTable(runs)
    goals.push(...scenarioGoals(`(${id})`, summaries, { cursors, rss: id === 'a' }))
    sections.push(`### ${name}\n\nLoad average when it began / ended: ${load} / ${uptime()}.\n\n${markdown}`)
  }
  if (!scenariosOnly) {
    const board = buildBoard(BOARD_OBJECTS, 500)
    const joins = await rounds(ONLY_SQLITE, 'join', (s) => runJoin(s, board, JOINS))
    sections.push(
      `### A new client joins a ${BOARD_OBJECTS.toLocaleString('en')}-object board\n\n${joinTable(joins)}`,
    )
    const churn = await churnRounds()
    sections.push(`### ${CHURN_ROOMS.toLocaleString('en')} rooms opened and closed\n\n${churnTable(churn)}`)
    goals.push(...joinChurnTargets(joins, churn))
  }
  sections.push(
    `### Goals (ratios from this run)\n\n${targetTable(goals)}`,
    `Whole run: ${Math.round((performance.now() - started) / 1000)} s.`,
  )
  const body = sections.join('\n\n')
  console.log(body)
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`
  const flags = process.argv.slice(2).filter((a) => a.startsWith('--') && !a.startsWith('--before'))
  const name = scenariosOnly || only ? 'Relay: workshop scenarios' : 'Relay'
  await writeSection(name, ['npm run bench:relay', ...flags].join(' -- '), machine, body)
  // the tables as prettier lays them out, so `npm run check` stays clean
  const config = (await resolveConfig(DOCS)) ?? {}
  writeFileSync(DOCS, await format(readFileSync(DOCS, 'utf8'), { ...config, filepath: DOCS }))
  const missed = goals.filter((g) => !g.met)
  if (missed.length > 0) {
    console.error(`Goals missed:\n${missed.map((g) => `- ${g.target}: ${g.measured}`).join('\n')}`)
    process.exitCode = 1
  }
}

/** The machine's load average (1, 5, 15 minutes) now. */
const uptime = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')

async function churnRounds(): Promise<Runs<ChurnResult>[]> {
  const seeded = await seedSessions(CHURN_ROOMS + CHURN_WARMUP)
  const perCycle = CHURN_ROOMS / CHURN_CYCLES
  const churn = await rounds(
    CHURNED,
    'churn',
    (s) => {
      const room = (i: number) =>
        s.kind === 'ours' ? s.seededRoom(seeded.sessions[i]!) : s.namedRoom(`churn-${i}`)
      const warmup = Array.from({ length: CHURN_WARMUP }, (_, i) => room(CHURN_ROOMS + i))
      const cycles = Array.from({ length: CHURN_CYCLES }, (_, c) =>
        Array.from({ length: perCycle }, (_, i) => room(c * perCycle + i)),
      )
      return runChurn(s, { warmup, cycles, concurrency: 25 })
    },
    { dataDir: seeded.dataDir },
  )
  rmSync(seeded.dataDir, { recursive: true, force: true })
  return churn
}

function intro(): string {
  return `Each server runs as its own child process, built ahead of time into plain JavaScript (esbuild, tests/bench/relay/prebuild.ts) and run by plain \`node\` as a deployment would run it, one at a time, fresh for every run, in rounds that alternate between the servers (A B C A B C; ${SCENARIO_ROUNDS} rounds per workshop scenario, ${ROUNDS} for the join and churn): other work on this shared 2-core machine (other developers' tests run at the same time) comes and goes, and alternating makes it hit every server alike; compare ratios within one run, and mind the load average given with each scenario. Peers run without persistence; ours runs with its SQLite storage on (the default: every update in the WAL before anyone receives it) and every update checked against the board's rules.

Load: people on thin sockets (raw TCP, frames written by hand; what they receive is walked frame by frame, not decoded), spread over several generator processes so that none is the bottleneck. A person edits their own recipe card (its "for whom" line), types into their own sticky note (one character per keystroke, as Tiptap writes it) and/or moves their cursor (an awareness state of the shape the board publishes); each person's start within the period is seeded, the same for every server. Observers (3 in the 200-person room, else 1 per room) apply everything to a Y.Doc and note when each Yjs clock of each client arrived; a change is timed from its send to its arrival at each observer, a cursor from the send time inside its state. Times are the system's monotonic clock, shared by every process. Our relay and @y/websocket-server speak y-websocket; Hocuspocus gets its document-name prefix and an auth message first. A delivery is a change reaching one connection of its room (its sender included: every server sends it back) or a cursor reaching one connection other than its owner's; server CPU is utime + stime of the server process from /proc over the measured window, per 1,000 deliveries; write() calls come from /proc/<pid>/io (syscw: socket writes, and for ours also SQLite's WAL writes); updates per stored batch come from our /metrics. Idle RSS is read one second after the server is ready, before any room; peak RSS is VmHWM. Generator CPU is the CPU time of all generator processes, and of the busiest one, as a share of one core over the window. A run is thrown away and run again (once) when a generator process was too busy to time receipts (over 85% of a core, or its event-loop delay p99 over 25 ms); the last attempt is kept either way, and the table says how many were thrown away.`
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
