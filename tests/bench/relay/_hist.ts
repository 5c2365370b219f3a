import { runLoad } from './loadgen'
import { startServer } from './servers'
const s = await startServer('ours')
await runLoad(s, {
  rooms: 1,
  sendersPerRoom: 200,
  observersPerRoom: 3,
  intervalMs: 1000,
  phases: 'random',
  warmupMs: 2000,
  measureMs: 10000,
  drainMs: 3000,
})
const m = await (await fetch(s.http + '/metrics')).text()
console.log(
  m
    .split('\n')
    .filter((l) => l.startsWith('whiteboard_storage_append'))
    .join('\n'),
)
await s.stop()
