/**
 * `npm run bench:canvas`: a board of 2,000 mixed objects (notes with text, pen strokes, images) in
 * headless Chromium. Measures first render, pan and zoom frame times (requestAnimationFrame in the
 * page), how many object nodes re-render when someone else edits one note, and the board page's
 * gzipped JavaScript. Writes the figures to docs/benchmarks.md (section "Canvas").
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, cpus } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { createApp } from '../../server/app'
import { buildClientIfNeeded } from '../../server/build'
import { createLogger } from '../../server/logger'
import { openSqliteStorage } from '../../server/storage/sqlite'
import { createFileImageStore } from '../../server/uploads/imageStore'
import { setPlainText } from '../../shared/ops/objects'
import { GENEROUS_GUARD } from '../helpers/server'
import { framesFor, keyToCanvas, startCursorCrowd, startTypists, throttleCpu } from './canvas/busyRoom'
import { seedBoard } from './canvas/seed'
import { writeSection } from './report'

const ROOT = join(import.meta.dirname, '..', '..')
const OBJECTS = 2000
const FRAMES = 180
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
const round = (n: number): number => Math.round(n * 10) / 10

async function main(): Promise<void> {
  await buildClientIfNeeded(ROOT, join(ROOT, 'dist'), (m) => console.log(m))
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-'))
  const storage = openSqliteStorage(dataDir)
  const app = createApp({
    guard: GENEROUS_GUARD,
    storage,
    images: createFileImageStore(dataDir),
    log: createLogger('warn'),
    clientDir: join(ROOT, 'dist'),
    defaultMetrics: false,
    limits: { burstMessages: 100_000, messagesPerSecond: 100_000 },
  })
  const { port } = await app.listen(0, '127.0.0.1')
  const http = `http://127.0.0.1:${port}`
  const ws = `ws://127.0.0.1:${port}/ws`
  const { session, client, firstNote, notes, who, canvas } = await seedBoard(http, ws, dataDir, {
    objects: OBJECTS,
  })

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(() => {
    ;(window as unknown as { __wbBench: unknown }).__wbBench = { renders: {} }
  })
  await page.goto(`${http}/s/${session.id}?key=${session.keys.participant}`)
  await page.getByLabel('Your name').fill('Bench')
  const joinedAt = await page.evaluate(() => performance.now())
  await page
    .getByRole('button', { name: /Join|I agree/ })
    .first()
    .click()
  await page.waitForFunction(() => performance.getEntriesByName('board-first-draw').length > 0, null, {
    timeout: 60_000,
  })
  const firstDraw = await page.evaluate(() => performance.getEntriesByName('board-first-draw')[0]!.startTime)
  const firstRenderMs = firstDraw - joinedAt

  // a live room: 30 others' cursors at 10 Hz and 5 people typing, at full speed and with the CPU
  // slowed 4× (a phone); the board's objects must not render again for any of it
  const renderTotal = (): Promise<number> =>
    page.evaluate(() =>
      Object.values(
        (window as unknown as { __wbBench: { renders: Record<string, number> } }).__wbBench.renders,
      ).reduce((a, b) => a + b, 0),
    )
  const [cx, cy] = ((await page.getByTestId('board-canvas').getAttribute('data-center')) ?? '0,0')
    .split(',')
    .map(Number)
  const cdp = await page.context().newCDPSession(page)
  const idleFull = await framesFor(page, 5000)
  const stopCrowd = await startCursorCrowd({
    ws,
    sessionId: session.id,
    key: session.keys.participant,
    canvas,
    count: 30,
    hz: 10,
    area: { x: cx! - 600, y: cy! - 350, w: 1200, h: 700 },
  })
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=board-canvas]')?.getAttribute('data-cursors') ?? '').split(',')
        .length >= 30,
    null,
    { timeout: 20_000 },
  )
  const rendersBefore = await renderTotal()
  const cursorsFull = await framesFor(page, 5000)
  const cursorRenders = (await renderTotal()) - rendersBefore
  // every frame that draws a note's text is noted from now: how long a keystroke takes to show
  await page.evaluate(() => {
    ;(window as unknown as { __wbBench: { drawn: unknown[] } }).__wbBench.drawn = []
  })
  const typists = startTypists(client, notes, who, 5)
  /** Keystrokes sent during `run`, and how long each took to show on the page's canvas. */
  const timingKeys = async <T>(
    run: () => Promise<T>,
  ): Promise<{ result: T; latencies: number[]; neverDrawn: number }> => {
    const from = typists.sent.length
    const result = await run()
    // what was typed in the phase's last half second may be drawn just after it
    const until = performance.timeOrigin + performance.now() - 500
    await new Promise((resolve) => setTimeout(resolve, 500))
    const drawn = (await page.evaluate(
      () =>
        (window as unknown as { __wbBench: { drawn: { id: string; length: number; at: number }[] } })
          .__wbBench.drawn,
    )) as { id: string; length: number; at: number }[]
    const keys = typists.sent.slice(from).filter((k) => k.at <= until)
    return { result, ...keyToCanvas(keys, drawn) }
  }
  // BENCH_PROFILE=<file>: a CPU profile of the page during one phase (BENCH_PROFILE_PHASE: busy, the
  // default, or cursors-slow), for finding where frames go
  const profileTo = process.env.BENCH_PROFILE
  const profilePhase = process.env.BENCH_PROFILE_PHASE ?? 'busy'
  // BENCH_TRACE=<file>: a Chrome trace of that phase instead (open it in DevTools' Performance panel)
  const traceTo = process.env.BENCH_TRACE
  const phase = async (name: string): Promise<number[]> => {
    if (traceTo && name === profilePhase) {
      await browser.startTracing(page, { path: traceTo, screenshots: false })
      const frames = await framesFor(page, 5000)
      await browser.stopTracing()
      return frames
    }
    if (!profileTo || name !== profilePhase) return framesFor(page, 5000)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
    const frames = await framesFor(page, 5000)
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(profileTo, JSON.stringify(profile))
    return frames
  }
  const busyFullRun = await timingKeys(() => phase('busy'))
  const busyFull = busyFullRun.result
  await throttleCpu(cdp, 4)
  const busySlowRun = await timingKeys(() => phase('busy-slow'))
  const busySlow = busySlowRun.result
  typists.stop()
  await page.evaluate(() => {
    delete (window as unknown as { __wbBench: { drawn?: unknown[] } }).__wbBench.drawn
  })
  const cursorsSlow = await phase('cursors-slow')
  stopCrowd()
  const idleSlow = await framesFor(page, 5000)
  await throttleCpu(cdp, 1)
  await cdp.detach()

  // zoom out so most of the board is on screen, then pan and zoom with real wheel events
  const box = (await page.locator('.board-canvas canvas').first().boundingBox())!
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.mouse.move(centre.x, centre.y)
  const measure = async (label: string, action: (i: number) => Promise<void>): Promise<number[]> => {
    // a string, not a function: the TypeScript loader would wrap named functions in helpers the page lacks
    await page.evaluate(`(() => {
      window.__frames = []
      window.__stop = false
      let last = performance.now()
      const tick = (t) => {
        window.__frames.push(t - last)
        last = t
        if (!window.__stop) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
    for (let i = 0; i < FRAMES; i++) await action(i)
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean }
      w.__stop = true
      return w.__frames.slice(2)
    })
    console.log(`${label}: ${frames.length} frames`)
    return frames
  }
  // at 100% (a typical working view), then zoomed out until the whole board is on screen
  const wiggle = (i: number) => page.mouse.wheel(i % 60 < 30 ? 12 : -12, i % 40 < 20 ? 8 : -8)
  const pan100 = await measure('pan at 100%', wiggle)
  await page.keyboard.down('Control')
  const zoom100 = await measure('zoom around 100%', async (i) => page.mouse.wheel(0, i % 60 < 30 ? -4 : 4))
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120)
  await page.keyboard.up('Control')
  const pan = await measure('pan, whole board', wiggle)
  await page.keyboard.down('Control')
  const zoom = await measure('zoom, whole board', async (i) => page.mouse.wheel(0, i % 60 < 30 ? -6 : 6))
  await page.keyboard.up('Control')
  // what the board page itself loaded; export code (PDF, zip) loads only when someone exports
  const loadedJs: string[] = await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')).map((n) => n.split('/').pop())`,
  )

  // a remote edit to one note: how many nodes render again?
  await page.evaluate(() => {
    ;(window as unknown as { __wbBench: { renders: Record<string, number> } }).__wbBench.renders = {}
  })
  setPlainText(client.doc, firstNote, 'Edited by someone else', who)
  await page.waitForFunction(
    (id) =>
      ((window as unknown as { __wbBench: { renders: Record<string, number> } }).__wbBench.renders[id] ?? 0) >
      0,
    firstNote,
    { timeout: 10_000 },
  )
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const renders = await page.evaluate(
    () => (window as unknown as { __wbBench: { renders: Record<string, number> } }).__wbBench.renders,
  )
  const rerendered = Object.keys(renders).length

  await browser.close()
  client.destroy()
  await app.close()
  storage.close()
  rmSync(dataDir, { recursive: true, force: true })

  const assets = join(ROOT, 'dist', 'assets')
  const gz = (f: string): number => gzipSync(readFileSync(join(assets, f))).length
  const boardJs = loadedJs.filter((f) => existsSync(join(assets, f))).reduce((sum, f) => sum + gz(f), 0)
  const allJs = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gz(f), 0)
  const frameRow = (label: string, frames: number[]): string[] => [
    label,
    `${round(percentile(frames, 50))} / ${round(percentile(frames, 95))} ms`,
    'p95 ≤ 16.7 ms',
  ]

  const keyRow = (run: { latencies: number[]; neverDrawn: number }): string =>
    `${round(percentile(run.latencies, 50))} / ${round(percentile(run.latencies, 95))} ms (${run.latencies.length} keys${run.neverDrawn ? `, ${run.neverDrawn} never drawn` : ''})`
  const rows = [
    ['objects on the board', String(OBJECTS), '2,000'],
    ['first render (Join click → first draw)', `${Math.round(firstRenderMs)} ms`, '≤ 1,000 ms'],
    frameRow('pan at 100%: frame time p50 / p95', pan100),
    frameRow('zoom around 100%: frame time p50 / p95', zoom100),
    frameRow('pan, whole board on screen: p50 / p95', pan),
    frameRow('zoom, whole board on screen: p50 / p95', zoom),
    ['nodes re-rendered by a remote edit to one note', String(rerendered), '1'],
    frameRow('nobody else doing anything: p50 / p95', idleFull),
    frameRow('30 cursors moving at 10 Hz: p50 / p95', cursorsFull),
    ['object renders while 30 cursors moved for 5 s', String(cursorRenders), '0'],
    frameRow('30 cursors at 10 Hz and 5 people typing: p50 / p95', busyFull),
    [
      'CPU slowed 4×, nobody else doing anything: p50 / p95',
      `${round(percentile(idleSlow, 50))} / ${round(percentile(idleSlow, 95))} ms`,
      'reported',
    ],
    [
      'CPU slowed 4×, 30 cursors at 10 Hz: p50 / p95',
      `${round(percentile(cursorsSlow, 50))} / ${round(percentile(cursorsSlow, 95))} ms`,
      'p95 ≤ 33 ms',
    ],
    [
      'CPU slowed 4×, 30 cursors and 5 typing: p50 / p95',
      `${round(percentile(busySlow, 50))} / ${round(percentile(busySlow, 95))} ms`,
      'p95 ≤ 33 ms',
    ],
    [
      'a key typed by someone else shows on the canvas (30 cursors, 5 typing): p50 / p95',
      keyRow(busyFullRun),
      'p95 ≤ 50 ms',
    ],
    ['the same, CPU slowed 4×: p50 / p95', keyRow(busySlowRun), 'reported'],
    [
      'board page JavaScript, gzipped (all it loads, the note editor included)',
      `${Math.round(boardJs / 1024)} KB`,
      'reported (on the wire: "Page")',
    ],
    ['all JavaScript, gzipped (export chunks load on demand)', `${Math.round(allJs / 1024)} KB`, 'reported'],
  ]
  const table = [
    '| measure | result | target |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
  console.log(table)
  await writeSection(
    'Canvas',
    'npm run bench:canvas',
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, headless Chromium (/usr/bin/chromium, --disable-gpu), viewport 1440×900`,
    `${table}\n\nFrame times are intervals between requestAnimationFrame callbacks: while wheel events pan or zoom the view (${FRAMES} events each), and over 5 s of a live room (30 stock clients moving their cursors over the view at 10 Hz; 5 notes in view typed into, 5 characters a second each), at full speed and with Chromium's CPU slowed 4× (DevTools' throttling, a phone's pace); the first two frames are dropped. requestAnimationFrame fires once per display frame (16.7 ms at 60 Hz): 16.8 ms at p95 means no frame was missed; a missed frame shows as 33 ms. Below 40% zoom a view of more than 150 objects is drawn without text or shadows (too small to read; a view of fewer keeps them). Until 2026-12-06 this benchmark put its 2,000 objects on the first canvas of the list while the page opened on the template's first step's canvas, so its earlier figures (first render 746 ms, one frame at p95 everywhere) were of a near-empty canvas; these are of the 2,000 objects. A moving cursor re-renders no object (the count above): cursors are read from their own store, once a frame, and are page elements moved by CSS transforms over the canvas. Objects others are changing are drawn on a layer of their own. Typing: each of the 5 notes gets one character at its end per keystroke, as a person's typing does (until 2026-12-07 each keystroke rewrote the note's whole text). A key typed by someone else is timed from the moment its stock client sent it to the start of the page's first frame that draws its note with that character (both on the machine's clock); keystrokes of a phase's last half second are left out, as they may show after it.`,
  )
  // the live-room goals of issue #17: one frame at full speed (16.7 ms, with the timer's jitter),
  // two with the CPU slowed 4×, and no object rendered again for a moving cursor
  const ONE_FRAME = 17.5
  const goals: [string, boolean][] = [
    ['30 cursors: p95 within one frame', percentile(cursorsFull, 95) <= ONE_FRAME],
    ['30 cursors + 5 typing: p95 within one frame', percentile(busyFull, 95) <= ONE_FRAME],
    ['CPU 4×, 30 cursors: p95 ≤ 33 ms', percentile(cursorsSlow, 95) <= 2 * ONE_FRAME],
    ['CPU 4×, 30 cursors + 5 typing: p95 ≤ 33 ms', percentile(busySlow, 95) <= 2 * ONE_FRAME],
    ['no object renders for moving cursors', cursorRenders === 0],
    [
      'a key typed by someone else shows on the canvas within 50 ms (p95)',
      busyFullRun.neverDrawn === 0 && percentile(busyFullRun.latencies, 95) <= 50,
    ],
  ]
  const missed = goals.filter(([, met]) => !met).map(([name]) => name)
  if (missed.length) {
    console.error(`goals missed: ${missed.join('; ')}`)
    process.exitCode = 1
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
