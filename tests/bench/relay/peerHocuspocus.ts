/**
 * Peer server for the relay benchmark: @hocuspocus/server 3.4.4's own `Server`, no extensions (no
 * persistence, no auth check). `GET /rooms` answers the number of documents it holds in memory.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [
    {
      async onRequest({ request, response }) {
        if (request.url !== '/rooms') return
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(String(server.hocuspocus.getDocumentsCount()))
        // an empty rejection is Hocuspocus's way to say "handled, stop here"
        throw null
      },
    },
  ],
})
void server.listen().then(() => {
  console.log(`@hocuspocus/server ready at http://127.0.0.1:${server.address.port}/`)
})
