/**
 * `npm run bench:import`: how the server answers while it takes a large import. Starts the real
 * server (a child process, as `npm start` runs it), posts a ~60 MB export (big photos and many long
 * notes, near the 64 MiB cap) from another process, and polls /healthz every 10 ms meanwhile from
 * this one; reports the import's time and /healthz's latencies. For comparison it also times, in
 * this process, the work the worker thread now does (decode, JSON.parse, checks, building the
 * documents): before, that much held the event loop of the server. Writes docs/benchmarks.md ("Import").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { buildDocsFromExport, parseExport } from '../../shared/export/json'
import { bigExport } from '../helpers/bigExport'
import { startChildServer } from '../helpers/childServer'
import { writeSection } from './report'
import { importFrom } from '../helpers/importFrom'

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md')
const ROUNDS = 3

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN

/** The server's own worst event-loop delay since the last scrape (prom-client resets it on each). */
async function loopLagMaxMs(http: string): Promise<number> {
  const text = await (await fetch(`${http}/metrics`)).text()
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000
}

/** /healthz latencies while `busy` runs (or for `idleMs` with nothing else going on). */
async function pollWhile(http: string, busy: Promise<unknown>) {
  const latencies: number[] = []
  let running = true
  void busy.finally(() => (running = false))
  while (running) {
    const t = performance.now()
    const res = await fetch(`${http}/healthz`)
    await res.body?.cancel()
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`)
    latencies.push(performance.now() - t)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return latencies.sort((a, b) => a - b)
}

async function round(http: string, file: string) {
  await loopLagMaxMs(http)
  const job = importFrom(file, http)
  const latencies = await pollWhile(http, job)
  const result = await job
  if (result.status !== 201) throw new Error(`the import answered ${result.status}`)
  return { importMs: result.ms, latencies, loopMs: await loopLagMaxMs(http) }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-import-'))
  const server = await startChildServer(dataDir, { LOG_LEVEL: 'error' })
  try {
    const file = join(dataDir, 'export.json')
    writeFileSync(file, await bigExport({ notes: 12_000, noteChars: 1000, images: 8, imageSide: 1200 }))
    const bytes = readFileSync(file)
    const mb = (bytes.length / 1e6).toFixed(1)

    // what the worker does, timed here on the main thread: how long the event loop used to be held
    const inline: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now()
      buildDocsFromExport(parseExport(JSON.parse(new TextDecoder().decode(bytes))))
      inline.push(performance.now() - t)
    }

    const loadBefore = loadavg()[0] ?? NaN
    // the same polling with nothing to do: what the machine's load alone costs
    await loopLagMaxMs(server.http)
    const idle = await pollWhile(server.http, new Promise((resolve) => setTimeout(resolve, 8000)))
    const idleLoopMs = await loopLagMaxMs(server.http)
    const rounds = []
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(server.http, file))
    const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b)
    const ms = (n: number) => `${Math.round(n)} ms`
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`
    const body = `A ${mb} MB export (8 photos of 1200 × 1200 random pixels, 12,000 notes of 1,000 characters), posted
${ROUNDS} times from another process while this one asks \`/healthz\` every 10 ms. The real server
(\`server/start.ts\`, SQLite), the import parsed, checked and built in a worker thread (at nice 19).
Load average when the rounds began: ${loadBefore.toFixed(1)} on ${cpus().length} cores.

| | figure |
| --- | --- |
| import, end to end (median of ${ROUNDS}) | ${ms(rounds.map((r) => r.importMs).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? NaN)} |
| \`/healthz\` answers during the imports | ${all.length} |
| \`/healthz\` latency: median · 99th percentile · worst | ${ms(quantile(all, 0.5))} · ${ms(quantile(all, 0.99))} · ${ms(all.at(-1) ?? NaN)} |
| answers within 100 ms (the target) | ${((100 * all.filter((l) => l < 100).length) / all.length).toFixed(1)} % |
| worst per round | ${rounds.map((r) => ms(r.latencies.at(-1) ?? NaN)).join(' · ')} |
| the server's own worst event-loop delay per round (\`nodejs_eventloop_lag_max_seconds\`) | ${rounds.map((r) => ms(r.loopMs)).join(' · ')} |
| idle, 8 s, the same polling: median · 99th percentile · worst · event-loop worst | ${ms(quantile(idle, 0.5))} · ${ms(quantile(idle, 0.99))} · ${ms(idle.at(-1) ?? NaN)} · ${ms(idleLoopMs)} |
| the worker's part done on one thread (what held the event loop before; median) | ${ms(inline.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? NaN)} |

What is left on the event loop: reading the body, each image's SHA-256 (sharp's decoding and
downscaling run on libuv's threads) and storing the three documents in SQLite. Latencies are
round trips from another process on the same machine, so they include its scheduling: on a
machine shared with other work the worst figure rises with the load, not with the import.`
    await writeSection('Import', 'npm run bench:import', machine, body)
    const config = (await resolveConfig(DOC)) ?? {}
    writeFileSync(DOC, await format(readFileSync(DOC, 'utf8'), { ...config, filepath: DOC }))
    console.log(body)
  } finally {
    await server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
