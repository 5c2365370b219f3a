import { startServer, type ServerKind } from './servers'
const s = await startServer((process.argv[2] ?? 'ours') as ServerKind)
console.log('PID', s.pid)
await new Promise((r) => setTimeout(r, 9000))
await s.stop()
