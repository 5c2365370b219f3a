import { buildBoard } from './board'
import { runJoin } from './scenarios'
import { startServer, type ServerKind } from './servers'
const kinds = (process.argv[2] ?? 'ours,y-websocket-server,hocuspocus').split(',') as ServerKind[]
const board = buildBoard(5000, 500)
for (const kind of kinds) {
  const s = await startServer(kind, { profileDir: process.env.PROF })
  const r = await runJoin(s, board, 5)
  await s.stop()
  console.log(
    kind,
    r.warm.map((w) => [Math.round(w.receivedMs), Math.round(w.appliedMs)]),
    r.cold,
  )
}
