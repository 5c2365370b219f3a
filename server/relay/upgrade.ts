import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { parseRoom, type ParsedRoom } from '../../shared/rooms'
import { SCHEMA_PARAM, checkClientSchema } from '../../shared/schema/handshake'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import { SessionError, type Caller } from '../sessions/service'
import { roomAccess } from './roomAccess'
import type { SessionStore } from '../storage/types'
import { nameKey } from '../names'
import type { PresenceIdentity } from './awareness'
import { CLOSE, Connection, type ConnectionLimits } from './connection'
import type { Relay } from './relay'

export interface UpgradeDeps {
  readonly sessions: SessionStore
  readonly relay: Relay
  readonly metrics: Metrics
  readonly log: Logger
  readonly maxMessageBytes: number
  readonly limits: ConnectionLimits
  readonly pingIntervalMs: number
}

/** Fragments one message may arrive in. */
export const MAX_FRAGMENTS = 64
/** Chunks of an incomplete frame ws may buffer (a 2 MiB frame in 512-byte segments). */
export const MAX_BUFFERED_CHUNKS = 4096

/**
 * Accepts websocket upgrades on `/ws/<room>?key=<key>` or `?token=<person token>` (which wins). The
 * token or key and the room are checked before the upgrade: a bad one gets a plain HTTP error and no
 * room is created. A tab of another schema version (`&schema=`, shared/schema/handshake.ts) is let
 * in only to be closed at once with a code saying so.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    // what one message may hold, all its fragments together
    maxPayload: deps.maxMessageBytes,
    // Fragment floods (the ws advisories): no client we serve fragments its messages (browsers and
    // y-websocket send each whole), so a message of more than a few fragments is abuse; and a frame
    // trickled in tiny TCP segments may not pile up more than this many chunks while it arrives.
    // Past either, ws closes the connection with 1008. (ws's own defaults are 16,384 and 262,144.)
    maxFragments: MAX_FRAGMENTS,
    maxBufferedChunks: MAX_BUFFERED_CHUNKS,
    perMessageDeflate: false,
    // pings are answered by the connection, within its message rate limit (connection.ts)
    autoPong: false,
  })
  const alive = new WeakMap<WebSocket, boolean>()
  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, deps.pingIntervalMs)
  ping.unref()

  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy())
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      return refuse(socket, 400, 'malformed URL') // e.g. `GET http://[`; a throw would be an unhandled rejection
    }
    const room = roomFromPath(url.pathname)
    if (!room) return refuse(socket, 404, 'no such room')
    let caller: Caller
    let identity: PresenceIdentity
    try {
      caller = await roomAccess(deps, room.info, url.searchParams.get('key'), url.searchParams.get('token'))
      const { person, role } = caller
      identity = {
        role,
        person: person && { id: person.id, name: person.name },
        takenNames: await takenNames(deps.sessions, caller),
      }
    } catch (err) {
      if (err instanceof SessionError) return refuse(socket, err.status, err.message)
      deps.log.error({ err }, 'upgrade failed')
      return refuse(socket, 500, 'internal error')
    }
    const { role, person } = caller
    const schema = checkClientSchema(url.searchParams.getAll(SCHEMA_PARAM))
    if (!schema.ok) {
      // a close code and reason, which a page can read (a refused HTTP upgrade tells it nothing)
      deps.log.info({ room: room.name, code: schema.code }, 'schema version refused')
      return wss.handleUpgrade(req, socket, head, (ws) => ws.close(schema.code, schema.reason))
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true)
      ws.on('pong', () => alive.set(ws, true))
      deps.metrics.connections.inc()
      deps.log.info({ room: room.name, role }, 'connection opened')
      ws.on('close', (code) => deps.log.info({ room: room.name, role, code }, 'connection closed'))
      const self = person?.id ?? ''
      new Connection(
        ws,
        room.name,
        room.info,
        role,
        self,
        deps.relay,
        deps.metrics,
        deps.log,
        deps.limits,
        identity,
      )
    })
  }

  return {
    handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void handle(req, socket, head),
    /** Closes every connection with "going away" (shutdown). */
    closeAll: () => {
      clearInterval(ping)
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'server shutting down')
      wss.close()
    },
  }
}

/** The admitted people's names a guest (no token) may not take in presence; none needed for a person. */
async function takenNames(sessions: SessionStore, caller: Caller): Promise<Set<string>> {
  if (caller.person) return new Set()
  const people = await sessions.listPeople(caller.session.id)
  return new Set(people.filter((p) => p.status === 'admitted').map((p) => nameKey(p.name)))
}

function roomFromPath(pathname: string): { name: string; info: ParsedRoom } | null {
  if (!pathname.startsWith('/ws/')) return null
  let name: string
  try {
    name = decodeURIComponent(pathname.slice(4))
  } catch {
    return null
  }
  const info = parseRoom(name)
  return info ? { name, info } : null
}

function refuse(socket: Duplex, status: number, message: string): void {
  const reason =
    {
      400: 'Bad Request',
      403: 'Forbidden',
      404: 'Not Found',
      429: 'Too Many Requests',
      500: 'Internal Server Error',
    }[status] ?? 'Error'
  const body = JSON.stringify({ error: message })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
