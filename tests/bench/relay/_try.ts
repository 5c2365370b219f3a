import { runLoad } from './loadgen'
import { startServer, type ServerKind } from './servers'
import { percentile } from './stats'
const kinds = (process.argv[2] ?? 'ours,y-websocket-server,hocuspocus').split(',') as ServerKind[]
const n = Number(process.argv[3] ?? 200)
for (const kind of kinds) {
  const s = await startServer(kind, { profileDir: process.env.PROF })
  console.log('PID', s.pid)
  const r = await runLoad(s, {
    rooms: Number(process.env.ROOMS ?? 1),
    sendersPerRoom: n,
    observersPerRoom: Number(process.env.OBS ?? 3),
    intervalMs: 1000,
    phases: (process.env.PHASES ?? 'even') as 'even',
    warmupMs: Number(process.env.WARM ?? 2000),
    measureMs: Number(process.env.MEASURE ?? 10000),
    drainMs: 5000,
  })

  const m = (await (await fetch(s.http + '/metrics').catch(() => null))?.text().catch(() => '')) ?? ''
  const flushes = /whiteboard_storage_append_seconds_count (\d+)/.exec(m)?.[1]
  const relayed = /whiteboard_updates_relayed_total (\d+)/.exec(m)?.[1]
  if (flushes) console.log('updates per flush', (Number(relayed) / Number(flushes)).toFixed(3))
  await s.stop()
  const l = r.latencies
  console.log(kind, {
    connect: Math.round(r.connectMs),
    p50: percentile(l, 50).toFixed(2),
    p95: percentile(l, 95).toFixed(2),
    p99: percentile(l, 99).toFixed(2),
    max: percentile(l, 100).toFixed(1),
    lost: r.lost,
    sent: r.sentInWindow,
    cpuPer1k: (r.serverCpuMs / (r.deliveries / 1000)).toFixed(2),
    cpu: r.serverCpuMs,
    wpd: (r.serverWrites / r.deliveries).toFixed(3),
    rssMB: Math.round(r.peakRssKb / 1024),
    lg: r.loadgen,
  })
}
