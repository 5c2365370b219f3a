import { runLoad } from './loadgen'
import { startServer, type ServerKind } from './servers'
import { percentile } from './stats'
const kinds = (process.argv[2] ?? 'ours,ours-before,y-websocket-server').split(',') as ServerKind[]
const n = Number(process.argv[3] ?? 200), rooms = Number(process.argv[4] ?? 1), rounds = Number(process.argv[5] ?? 3)
const acc = new Map<string, { cpu: number; del: number; w: number; lat: number[] }>()
for (let r = 0; r < rounds; r++) for (const kind of kinds) {
  const s = await startServer(kind, { beforeDir: '/tmp/rb/base' })
  const res = await runLoad(s, { rooms, sendersPerRoom: n, observersPerRoom: rooms > 1 ? 1 : 3, intervalMs: 1000, phases: 'random', warmupMs: Number(process.env.WARM ?? 3000), measureMs: Number(process.env.MEASURE ?? 10000), drainMs: 3000 })
  await s.stop()
  const a = acc.get(kind) ?? { cpu: 0, del: 0, w: 0, lat: [] }; a.cpu += res.serverCpuMs; a.del += res.deliveries; a.w += res.serverWrites; a.lat.push(...res.latencies); acc.set(kind, a)
  console.log(r, kind.padEnd(20), 'cpu/1k', (res.serverCpuMs / res.deliveries * 1000).toFixed(2), 'wpd', (res.serverWrites / res.deliveries).toFixed(3), 'p99', percentile(res.latencies, 99).toFixed(1), 'lost', res.lost, 'eld', res.loadgen.eventLoopDelayP99Ms.toFixed(0))
}
for (const [k, a] of acc) console.log('POOLED', k.padEnd(20), 'cpu/1k', (a.cpu / a.del * 1000).toFixed(2), 'wpd', (a.w / a.del).toFixed(3), 'p50', percentile(a.lat, 50).toFixed(2), 'p99', percentile(a.lat, 99).toFixed(1))
