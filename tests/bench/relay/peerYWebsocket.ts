/**
 * Peer server for the relay benchmark: @y/websocket-server 0.1.1 as its own server.js runs it
 * (plain node http + ws, `setupWSConnection`), without persistence. `GET /rooms` answers the
 * number of documents it holds in memory.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const server = createServer((req, res) => {
  if (req.url === '/rooms') res.writeHead(200, { 'content-type': 'application/json' }).end(String(docs.size))
  else res.writeHead(404).end()
})
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req))
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`@y/websocket-server ready at http://127.0.0.1:${port}/`)
})
// exit normally on SIGTERM, so that `--cpu-prof` can write its profile
process.on('SIGTERM', () => process.exit(0))
