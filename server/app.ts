import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_GUARD, Guard, rawJsonResponse, type GuardLimits } from './guard/guard'
import { createApi } from './http/api'
import { sendError, setBodyIdleTimeout } from './http/respond'
import { createStaticHandler } from './http/static'
import type { Logger } from './logger'
import { createMetrics } from './metrics'
import type { ConnectionLimits } from './relay/connection'
import type { Fanout } from './relay/fanout'
import { Relay } from './relay/relay'
import { DEFAULT_DOC_CAPS } from './relay/rules'
import { createUpgradeHandler } from './relay/upgrade'
import { admitWhenAdmitOff } from './sessions/people'
import type { Storage } from './storage/types'
import type { ImageStore } from './uploads/imageStore'
import type { UploadLimits } from './uploads/uploadLimits'
import { createMemoryTemplateStore, type TemplateStore } from './templates/templateStore'

export interface AppOptions {
  readonly storage: Storage
  readonly images: ImageStore
  /** Saved templates; without one, saves last as long as the process. */
  readonly templates?: TemplateStore
  readonly log: Logger
  /** How rooms are shared with other instances (Redis); without one this instance is alone. */
  readonly fanout?: Fanout
  /** Folder of the built client. */
  readonly clientDir: string
  readonly maxMessageBytes?: number
  readonly compactAfterRows?: number
  readonly limits?: Partial<ConnectionLimits>
  readonly pingIntervalMs?: number
  readonly uploadLimits?: UploadLimits
  /** Limits per client address; the defaults of guard/guard.ts for any not given. */
  readonly guard?: Partial<GuardLimits>
  /** The clock (milliseconds, monotonic) the per-address rate budgets refill by; performance.now() without. */
  readonly clock?: () => number
  /** The operator's token for admin requests (publishing templates); admin requests are refused without. */
  readonly adminToken?: string
  /** Default metrics (process, GC) are off in tests that start many servers. */
  readonly defaultMetrics?: boolean
}

export interface App {
  readonly server: Server
  readonly relay: Relay
  listen(port: number, host: string): Promise<{ port: number; url: string }>
  /** Stops accepting, closes connections, stores everything pending; the storage stays open. */
  close(): Promise<void>
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  burstMessages: 1000,
  messagesPerSecond: 300,
  burstBytes: 32 * 1024 * 1024,
  bytesPerSecond: 8 * 1024 * 1024,
  maxBufferedBytes: 64 * 1024 * 1024,
  awarenessBurstBytes: 256 * 1024,
  awarenessBytesPerSecond: 64 * 1024,
  pending: { maxBytes: 128 * 1024, timeoutMs: 30_000 },
  caps: DEFAULT_DOC_CAPS,
  checkBurstMs: 1500,
  checkMsPerSecond: 200,
}

/** Builds the HTTP server, API and relay on one port. */
export function createApp(options: AppOptions): App {
  const { storage, log } = options
  const metrics = createMetrics(options.defaultMetrics ?? true)
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const relay = new Relay(
    storage,
    metrics,
    log,
    {
      compactAfterRows: options.compactAfterRows ?? 500,
      // removals only shrink what is stored once compacted: a room near its cap is compacted early
      compactAfterBytes: Math.floor(limits.caps.maxRoomBytes * 0.75),
    },
    options.fanout,
  )
  admitWhenAdmitOff(storage, relay, log)
  let ready = false
  const guard = new Guard({ ...DEFAULT_GUARD, ...options.guard }, options.clock)
  const api = createApi({
    storage,
    images: options.images,
    templates: options.templates ?? createMemoryTemplateStore(),
    relay,
    metrics,
    log,
    isReady: () => ready,
    uploadLimits: options.uploadLimits,
    guard,
    adminToken: options.adminToken,
  })
  const serveStatic = createStaticHandler(options.clientDir)
  const upgrade = createUpgradeHandler({
    sessions: storage,
    relay,
    metrics,
    log,
    maxMessageBytes: options.maxMessageBytes ?? 2 * 1024 * 1024,
    limits,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
  })

  const { headersTimeoutMs, requestTimeoutMs, bodyIdleMs } = guard.limits
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('x-content-type-options', 'nosniff')
    // API requests only: they read bodies and do work; the page's files and /healthz are cheap,
    // and a room opening its link at once behind one NAT must not be refused its scripts
    if (req.url?.startsWith('/api/') && !guard.admitRequest(req, res)) return
    setBodyIdleTimeout(req, bodyIdleMs)
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      sendError(res, 400, 'malformed URL')
      return
    }
    void api(req, res, url).then((handled) => {
      if (!handled) serveStatic(req, res, url)
    })
  }
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // node checks both timeouts this often (30 s by default, too coarse for short ones)
      connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.floor(headersTimeoutMs / 4))),
    },
    handle,
  )
  server.on('upgrade', (req, socket, head) => {
    if (guard.admitSocket(req, socket)) upgrade.handle(req, socket, head)
  })
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // headers or a whole request too slow to arrive (headersTimeout, requestTimeout): say so
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket.writable)
      socket.end(rawJsonResponse('408 Request Timeout', 'the request took too long to arrive'))
    else socket.destroy()
  })

  return {
    server,
    relay,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          ready = true
          const { port: actual } = server.address() as AddressInfo
          const shownHost = host.includes(':') ? `[${host}]` : host
          resolve({ port: actual, url: `http://${shownHost}:${actual}/` })
        })
      }),
    close: async () => {
      ready = false
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      upgrade.closeAll()
      server.closeIdleConnections()
      await relay.close()
      await closed
    },
  }
}
