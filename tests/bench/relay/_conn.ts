import { Sender } from './clients'
import { startServer, type ServerKind } from './servers'
const kinds = (process.argv[2] ?? 'ours,y-websocket-server').split(',') as ServerKind[]
for (const kind of kinds) {
  const s = await startServer(kind)
  const [ref] = await s.rooms(1)
  const c0 = s.cpuMs()
  const t0 = performance.now()
  const opened: number[] = []
  const senders = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const x = await Sender.connect(ref!.writer, s.dialect, ref!.doc, i)
      opened.push(performance.now() - t0)
      return x
    }),
  )
  const wall = performance.now() - t0
  opened.sort((a, b) => a - b)
  console.log(
    kind,
    'wall',
    Math.round(wall),
    'server cpu',
    s.cpuMs() - c0,
    'first',
    Math.round(opened[0]!),
    'median',
    Math.round(opened[100]!),
  )
  for (const x of senders) x.close()
  await s.stop()
}
