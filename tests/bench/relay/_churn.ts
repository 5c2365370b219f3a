import { runChurn, seedSessions } from './scenarios'
import { startServer } from './servers'
const cycles = Number(process.argv[2] ?? 6),
  per = Number(process.argv[3] ?? 1000)
const seeded = await seedSessions(cycles * per + 100)
const s = await startServer('ours', { dataDir: seeded.dataDir })
const room = (i: number) => s.seededRoom(seeded.sessions[i]!)
const r = await runChurn(s, {
  warmup: Array.from({ length: 100 }, (_, i) => room(cycles * per + i)),
  cycles: Array.from({ length: cycles }, (_, c) => Array.from({ length: per }, (_, i) => room(c * per + i))),
  concurrency: 25,
})
console.log('rooms/s', Math.round(r.roomsPerSecond), r.baseline, r.cycles, r.after)
for (let i = 0; i < 6; i++) {
  await new Promise((r) => setTimeout(r, 5000))
  console.log(
    'idle',
    (i + 1) * 5,
    's rss',
    Math.round(s.rssKb() / 1024),
    'heap',
    ((await s.collectGarbage()) / 1024).toFixed(1),
    'rss after gc',
    Math.round(s.rssKb() / 1024),
  )
}
await s.stop()
