import { startServer, type ServerKind } from './servers'
for (const k of ['ours', 'y-websocket-server'] as ServerKind[]) {
  const s = await startServer(k)
  await new Promise((r) => setTimeout(r, 3000))
  const c0 = s.cpuMs()
  await new Promise((r) => setTimeout(r, 10000))
  console.log(k, 'idle CPU ms per s', (s.cpuMs() - c0) / 10)
  await s.stop()
}
