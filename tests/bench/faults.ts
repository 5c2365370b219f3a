/**
 * `npm run bench:faults`: three instances on one Redis under steady load, with faults injected one
 * after another — an instance killed with SIGKILL (its clients move to another), Redis killed and
 * restarted, an instance paused with SIGSTOP and resumed. Counts what was written, what was seen
 * relayed, what was lost (seen relayed but missing at the end: must be 0), and how long each fault
 * held updates up. Writes the figures to docs/reliability.md ("Faults").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { noteTexts } from '../helpers/board'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { startRedis } from '../helpers/redis'
import { connect, createSession, synced, type Client } from '../helpers/server'
import { writeSection } from './report'

const WRITERS_PER_INSTANCE = 6
const WRITE_EVERY_MS = 250
const PHASE_MS = 6000
const PAUSE_MS = 3000
const DOC = join(import.meta.dirname, '..', '..', 'docs', 'reliability.md')
const HEADER =
  '# Reliability\n\nFigures written by the reliability commands; each section says the command, the machine and the date.\n'

interface Writer {
  name: string
  client: Client
  doc: Y.Doc
  on: number
  sent: number
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function main(): Promise<void> {
  const redis = await startRedis()
  const dirs: string[] = []
  const start = (): Promise<ChildServer> => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-faults-'))
    dirs.push(dir)
    return startChildServer(dir, { REDIS_URL: redis.url })
  }
  const servers = await Promise.all([start(), start(), start()])
  const [a, b, c] = servers as [ChildServer, ChildServer, ChildServer]
  const { id, keys } = await createSession(a.http)

  // observers on each instance record when each note was first seen relayed (by anyone)
  const seenAt = new Map<string, number>()
  const observers = servers.map((s) => connect(s.ws, id, keys.viewer))
  const observe = (doc: Y.Doc): void => {
    for (const text of noteTexts(doc)) if (!seenAt.has(text)) seenAt.set(text, performance.now())
  }
  for (const o of observers) o.doc.on('update', () => observe(o.doc))
  await Promise.all(observers.map(synced))

  const writers: Writer[] = []
  for (const [on, server] of servers.entries()) {
    for (let i = 0; i < WRITERS_PER_INSTANCE; i++) {
      const doc = new Y.Doc()
      const client = connect(server.ws, id, keys.participant, doc)
      writers.push({ name: `w${on}.${i}`, client, doc, on, sent: 0 })
    }
  }
  await Promise.all(writers.map((w) => synced(w.client)))
  const writtenAt = new Map<string, number>()
  let writing = true
  const loops = writers.map(async (w, index) => {
    await wait((index * WRITE_EVERY_MS) / writers.length)
    while (writing) {
      const text = `${w.name}#${w.sent++}`
      writtenAt.set(text, performance.now())
      addObject(
        w.doc,
        { kind: 'sticky', canvas: 'c', x: w.sent, y: w.on, text },
        createOrigin(w.name, w.name),
      )
      await wait(WRITE_EVERY_MS)
    }
  })

  const faults: { fault: string; at: number; recoveredMs?: number }[] = []
  /** How long after `at` until every writer had a note written after `at` seen relayed. */
  const recovery = (at: number): number | undefined => {
    let worst = 0
    for (const w of writers) {
      const first = [...writtenAt.entries()]
        .filter(([t, when]) => t.startsWith(`${w.name}#`) && when >= at && seenAt.has(t))
        .map(([t]) => seenAt.get(t) ?? Infinity)
        .sort((x, y) => x - y)[0]
      if (first === undefined) return undefined
      worst = Math.max(worst, first - at)
    }
    return worst
  }

  await wait(PHASE_MS)
  // 1. SIGKILL instance A; its writers reconnect to C with the documents they had
  let at = performance.now()
  await a.kill('SIGKILL')
  faults.push({ fault: 'instance killed (SIGKILL); its clients reconnect to another', at })
  observers[0]?.provider.destroy()
  for (const w of writers.filter((x) => x.on === 0)) {
    w.client.provider.destroy()
    w.client = connect(c.ws, id, keys.participant, w.doc)
  }
  await wait(PHASE_MS)
  // 2. Redis killed (SIGKILL) and started again on the same AOF
  at = performance.now()
  faults.push({ fault: 'Redis killed (SIGKILL) and restarted', at })
  await redis.restart('SIGKILL')
  await wait(PHASE_MS)
  // 3. instance B paused (SIGSTOP) for a few seconds, then resumed
  at = performance.now()
  faults.push({ fault: `instance paused (SIGSTOP) for ${PAUSE_MS / 1000} s, then resumed`, at })
  b.process.kill('SIGSTOP')
  await wait(PAUSE_MS)
  b.process.kill('SIGCONT')
  await wait(PHASE_MS)

  writing = false
  await Promise.all(loops)
  const fresh = connect(b.ws, id, keys.viewer)
  await synced(fresh)
  const everyone = [...observers.slice(1), fresh]
  const deadline = performance.now() + 30_000
  while (performance.now() < deadline) {
    const counts = everyone.map((o) => noteTexts(o.doc).length)
    if (counts.every((n) => n === writtenAt.size)) break
    await wait(200)
  }
  for (const f of faults) f.recoveredMs = recovery(f.at)
  const final = new Set(noteTexts(fresh.doc))
  const lost = [...seenAt.keys()].filter((t) => !final.has(t))
  const neverStored = [...writtenAt.keys()].filter((t) => !final.has(t))
  const replicasEqual = everyone.every((o) => noteTexts(o.doc).length === final.size)

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}, ${redis.cli('INFO', 'server').match(/redis_version:(\S+)/)?.[1] ?? 'redis'}`
  for (const o of [...observers, fresh]) o.provider.destroy()
  for (const w of writers) w.client.provider.destroy()
  await Promise.all([b, c].map((s) => s.kill('SIGTERM')))
  await redis.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })

  const rows = faults
    .map(
      (f) =>
        `| ${f.fault} | ${f.recoveredMs === undefined ? 'not recovered' : `${(f.recoveredMs / 1000).toFixed(1)} s`} |`,
    )
    .join('\n')
  const body = `Three instances share one Redis (AOF, \`appendfsync always\`), each with ${WRITERS_PER_INSTANCE} writing clients (stock y-websocket, one note every ${WRITE_EVERY_MS} ms each: ${Math.round((writers.length * 1000) / WRITE_EVERY_MS)} updates/s in all) and one observer. Faults come one after another, ${PHASE_MS / 1000} s apart, while the load goes on. "Seen relayed" means an observer received it; "lost" means seen relayed but missing from the final board.

| fault | time until every writer's new notes were relayed again |
| --- | --- |
${rows}

| measure | result |
| --- | --- |
| notes written | ${writtenAt.size} |
| notes seen relayed | ${seenAt.size} |
| **updates lost** (seen relayed, missing at the end) | **${lost.length}** |
| notes written but missing at the end (never acknowledged, after clients re-sent) | ${neverStored.length} |
| all replicas equal at the end (2 surviving instances + a fresh client) | ${replicasEqual ? 'yes' : 'no'} |
`
  await writeSection('Faults', 'npm run bench:faults', machine, body, { file: DOC, header: HEADER })
  const config = (await resolveConfig(DOC)) ?? {}
  writeFileSync(DOC, await format(readFileSync(DOC, 'utf8'), { ...config, filepath: DOC }))
  console.log(body)
  if (lost.length > 0 || !replicasEqual) process.exitCode = 1
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
