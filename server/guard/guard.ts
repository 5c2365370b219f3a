import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { HttpError, sendError } from '../http/respond'
import { clientAddress } from './clientAddress'
import { AddressRateLimiter, describeQuota, type RateQuota } from './rateLimiter'

/** What one client address may do: rates of costly actions, sizes, concurrency and timeouts. */
export interface GuardLimits {
  /** Behind a reverse proxy: take the address from the last X-Forwarded-For entry. */
  readonly trustProxy: boolean
  /** Sessions created from scratch. */
  readonly sessions: RateQuota
  /** Sessions imported from an export (each may hold many images). */
  readonly imports: RateQuota
  /** Joins that mint a person token (each with a vote budget), across sessions and in any one session. */
  readonly joins: RateQuota
  readonly joinsPerSession: RateQuota
  /** Bytes one import may have; it is refused (413) as soon as it passes them. */
  readonly importMaxBytes: number
  /** Open websocket connections. */
  readonly socketsPerAddress: number
  /** API requests being answered at once. */
  readonly requestsPerAddress: number
  /** Time to send the request headers, and the whole request (node's own 408). */
  readonly headersTimeoutMs: number
  readonly requestTimeoutMs: number
  /** Longest pause while a request body arrives (408). */
  readonly bodyIdleMs: number
}

/**
 * Sized for a workshop behind one venue NAT: a room of 60 people (two or three sockets each),
 * a few dozen facilitators starting sessions; far below a script's thousand requests a second.
 */
export const DEFAULT_GUARD: GuardLimits = {
  trustProxy: false,
  sessions: { count: 60, perSeconds: 3600 },
  imports: { count: 20, perSeconds: 3600 },
  // a room of 60 behind one NAT joins at once; a script then gets one token every 10 s per session
  joins: { count: 300, perSeconds: 3600 },
  joinsPerSession: { count: 60, perSeconds: 600 },
  importMaxBytes: 64 * 1024 * 1024,
  socketsPerAddress: 256,
  requestsPerAddress: 64,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  bodyIdleMs: 30_000,
}

/** Limits per client address, shared by the HTTP routes and the websocket upgrade. */
export class Guard {
  private readonly sessions: AddressRateLimiter
  private readonly imports: AddressRateLimiter
  private readonly joins: AddressRateLimiter
  private readonly joinsPerSession: AddressRateLimiter
  private readonly requests = new Map<string, number>()
  private readonly sockets = new Map<string, number>()

  /** `now` (milliseconds, monotonic) is what the rate budgets refill by; tests move it by hand. */
  constructor(
    readonly limits: GuardLimits = DEFAULT_GUARD,
    now: () => number = () => performance.now(),
  ) {
    this.sessions = new AddressRateLimiter(limits.sessions, now)
    this.imports = new AddressRateLimiter(limits.imports, now)
    this.joins = new AddressRateLimiter(limits.joins, now)
    this.joinsPerSession = new AddressRateLimiter(limits.joinsPerSession, now)
  }

  /** The address a request's limits are counted against. */
  addressOf(req: IncomingMessage): string {
    return clientAddress(req, this.limits.trustProxy)
  }

  /** Takes one session creation from the address's budget; a 429 past it. */
  takeSession(req: IncomingMessage): void {
    this.take(this.sessions, req, 'new sessions', this.limits.sessions)
  }

  /** Takes one import from the address's budget; a 429 past it. */
  takeImport(req: IncomingMessage): void {
    this.take(this.imports, req, 'imports', this.limits.imports)
  }

  /**
   * Takes one join (a new person token) from the address's budgets, in this session and in all; a
   * 429 past either, and then neither is taken from.
   */
  takeJoin(req: IncomingMessage, sessionId: string): void {
    const address = this.addressOf(req)
    const inSession = `${sessionId} ${address}`
    const inThis = this.joinsPerSession.wait(inSession)
    const inAll = this.joins.wait(address)
    // refused by both: the longer wait is the one that helps
    if (inAll !== null && (inThis === null || inAll > inThis))
      throw tooMany('joins', this.limits.joins, inAll)
    if (inThis !== null) throw tooMany('joins to this session', this.limits.joinsPerSession, inThis)
    this.joinsPerSession.take(inSession)
    this.joins.take(address)
  }

  /** Counts an API request against its address until its answer is done; answers 429 and returns false past the cap. */
  admitRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const address = this.addressOf(req)
    if (!count(this.requests, address, this.limits.requestsPerAddress)) {
      sendError(res, 429, 'too many requests at once from your address; try again shortly', {
        'retry-after': '1',
      })
      return false
    }
    res.once('close', () => uncount(this.requests, address))
    return true
  }

  /** Counts a websocket upgrade against its address until the socket closes; refuses it with 429 past the cap. */
  admitSocket(req: IncomingMessage, socket: Duplex): boolean {
    const address = this.addressOf(req)
    if (!count(this.sockets, address, this.limits.socketsPerAddress)) {
      socket.end(rawJsonResponse('429 Too Many Requests', 'too many connections from your address', 10))
      return false
    }
    socket.once('close', () => uncount(this.sockets, address))
    return true
  }

  private take(limiter: AddressRateLimiter, req: IncomingMessage, what: string, quota: RateQuota): void {
    const wait = limiter.take(this.addressOf(req))
    if (wait !== null) throw tooMany(what, quota, wait)
  }
}

/** A 429 saying what the address did too often, its quota, and how long to wait (also as Retry-After). */
function tooMany(what: string, quota: RateQuota, wait: number): HttpError {
  return new HttpError(
    429,
    `too many ${what} from your address (at most ${describeQuota(quota)}); try again in ${wait < 90 ? `${wait} s` : `${Math.ceil(wait / 60)} minutes`}`,
    { 'retry-after': String(wait) },
  )
}

/** A whole HTTP response with a JSON error, for sockets the HTTP server no longer answers on. */
export function rawJsonResponse(status: string, error: string, retryAfter?: number): string {
  const body = JSON.stringify({ error })
  const retry = retryAfter === undefined ? '' : `retry-after: ${retryAfter}\r\n`
  return (
    `HTTP/1.1 ${status}\r\n${retry}content-type: application/json; charset=utf-8\r\n` +
    `x-content-type-options: nosniff\r\ncache-control: no-store\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  )
}

/** Adds one to the address's count unless it is at `max`. */
function count(counts: Map<string, number>, address: string, max: number): boolean {
  const n = counts.get(address) ?? 0
  if (n >= max) return false
  counts.set(address, n + 1)
  return true
}

function uncount(counts: Map<string, number>, address: string): void {
  const n = (counts.get(address) ?? 1) - 1
  if (n <= 0) counts.delete(address)
  else counts.set(address, n)
}
