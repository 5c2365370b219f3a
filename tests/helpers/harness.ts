import { onTestFinished } from 'vitest'
import { connect, startServer, type Client, type TestServer, type TestServerOptions } from './server'
import { openRaw, type RawSocket } from './raw'

export interface Harness {
  /** The running server (a new one after `restart`). */
  readonly server: TestServer
  /** A stock y-websocket client, closed when the test ends. */
  open(room: string, key: string, params?: Record<string, string>): Client
  /** A raw `ws` socket, terminated when the test ends. */
  raw(room: string, key: string): RawSocket
  /** Closes every client, stops the server and starts a new one on the same DATA_DIR. */
  restart(): Promise<void>
}

/** Starts a server for one test and closes it, and every client opened through it, when the test ends. */
export async function harness(options: TestServerOptions = {}): Promise<Harness> {
  let server = await startServer(options)
  const clients: Client[] = []
  const raws: RawSocket[] = []
  const closeClients = (): void => {
    for (const c of clients.splice(0)) c.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
  }
  onTestFinished(async () => {
    closeClients()
    await server.close()
  })
  return {
    get server() {
      return server
    },
    open: (room, key, params) => {
      const c = connect(server.ws, room, key, undefined, params)
      clients.push(c)
      return c
    },
    raw: (room, key) => {
      const r = openRaw(server.ws, room, key)
      raws.push(r)
      return r
    },
    restart: async () => {
      closeClients()
      await server.stop()
      server = await startServer({ ...options, dataDir: server.dataDir })
    },
  }
}
