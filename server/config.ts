import { resolve } from 'node:path'
import { z } from 'zod'
import { DEFAULT_GUARD, type GuardLimits } from './guard/guard'
import type { RateQuota } from './guard/rateLimiter'
import { DEFAULT_UPLOAD_LIMITS } from './uploads/uploadLimits'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** A size in bytes given in the environment: a whole number, at least `min`, with a default. */
const byteCount = (fallback: number, min: number) =>
  z
    .string()
    .default(String(fallback))
    .refine(
      (v) => /^\d{1,12}$/.test(v) && Number(v) >= min,
      `must be a whole number of bytes, at least ${min}`,
    )

/** A whole number from `min` to `max`, with a default. */
const wholeNumber = (fallback: number, min: number, max: number, unit: string) =>
  z
    .string()
    .default(String(fallback))
    .refine(
      (v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max,
      `must be a whole number of ${unit} from ${min} to ${max}`,
    )

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 }
const QUOTA = /^(\d{1,6})\/(\d{0,6})(s|m|h)$/

/** A rate given as `<count>/<period>`, e.g. `60/1h` or `20/10m`. */
const rate = (fallback: RateQuota) =>
  z
    .string()
    .default(`${fallback.count}/${fallback.perSeconds}s`)
    .refine((v) => {
      const m = QUOTA.exec(v)
      return !!m && Number(m[1]) >= 1 && Number(m[2] || 1) >= 1
    }, 'must be <count>/<period>, like 60/1h, 20/10m or 5/30s (count and period at least 1)')

/** The quota of a valid `<count>/<period>`. */
function quotaOf(v: string): RateQuota {
  const [, count = '1', n = '', unit = 's'] = QUOTA.exec(v) ?? []
  return { count: Number(count), perSeconds: Number(n || 1) * (UNIT_SECONDS[unit] ?? 1) }
}

const G = DEFAULT_GUARD

const envSchema = z.object({
  PORT: z
    .string()
    .default('8080')
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, 'must be a whole number from 0 to 65535'),
  HOST: z
    .string()
    .default('127.0.0.1')
    .refine((v) => /^[A-Za-z0-9.:[\]-]{1,253}$/.test(v), 'must be a host name or IP address'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  REDIS_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || /^rediss?:\/\/\S+$/.test(v),
      'must be a redis:// or rediss:// URL',
    ),
  ROOM_MAX_BYTES: byteCount(32 * 1024 * 1024, 64 * 1024),
  UPDATE_MAX_BYTES: byteCount(1024 * 1024, 16 * 1024),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LIMIT_SESSIONS: rate(G.sessions),
  LIMIT_IMPORTS: rate(G.imports),
  LIMIT_JOINS: rate(G.joins),
  LIMIT_JOINS_PER_SESSION: rate(G.joinsPerSession),
  UPLOADS_PER_MINUTE: wholeNumber(DEFAULT_UPLOAD_LIMITS.perIp.uploads, 1, 1_000_000, 'uploads'),
  IMPORT_MAX_BYTES: byteCount(G.importMaxBytes, 1024 * 1024),
  MAX_SOCKETS_PER_ADDRESS: wholeNumber(G.socketsPerAddress, 1, 1_000_000, 'connections'),
  MAX_REQUESTS_PER_ADDRESS: wholeNumber(G.requestsPerAddress, 1, 1_000_000, 'requests'),
  HEADERS_TIMEOUT_S: wholeNumber(G.headersTimeoutMs / 1000, 1, 3600, 'seconds'),
  REQUEST_TIMEOUT_S: wholeNumber(G.requestTimeoutMs / 1000, 1, 3600, 'seconds'),
  BODY_IDLE_TIMEOUT_S: wholeNumber(G.bodyIdleMs / 1000, 1, 3600, 'seconds'),
  TRUST_PROXY: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('0'),
  ADMIN_TOKEN: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || /^[\x21-\x7e]{24,256}$/.test(v),
      'must be at least 24 printable characters without spaces (e.g. openssl rand -base64 32)',
    ),
})

const ENV_NAMES = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[]

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly redisUrl: string | undefined
  readonly logLevel: (typeof LOG_LEVELS)[number]
  /** Bytes a room's document may hold, and one update may have (the relay refuses past them). */
  readonly caps: {
    readonly maxRoomBytes: number
    readonly maxUpdateBytes: number
    readonly personShare?: number
  }
  /** Limits per client address (rates, sizes, connections, timeouts). */
  readonly guard: GuardLimits
  /** Uploads one address may make per minute (the per-key and byte budgets stay as they are). */
  readonly uploadsPerMinute: number
  /** Token for the operator's admin requests (publishing templates); none without. */
  readonly adminToken: string | undefined
}

export class ConfigError extends Error {}

/** Reads and validates every environment variable the server uses; throws a ConfigError saying what is wrong. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(ENV_NAMES.map((name) => [name, env[name]])))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0])
      const shown = name === 'ADMIN_TOKEN' ? '(hidden)' : JSON.stringify(env[name] ?? '')
      return `${name}=${shown}: ${i.message}`
    })
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  const redisUrl = e.REDIS_URL === '' ? undefined : e.REDIS_URL
  return {
    port: Number(e.PORT),
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    redisUrl,
    logLevel: e.LOG_LEVEL,
    caps: { maxRoomBytes: Number(e.ROOM_MAX_BYTES), maxUpdateBytes: Number(e.UPDATE_MAX_BYTES) },
    guard: guardOf(e),
    uploadsPerMinute: Number(e.UPLOADS_PER_MINUTE),
    adminToken: e.ADMIN_TOKEN === '' ? undefined : e.ADMIN_TOKEN,
  }
}

function guardOf(e: z.infer<typeof envSchema>): GuardLimits {
  const requestTimeoutMs = Number(e.REQUEST_TIMEOUT_S) * 1000
  return {
    trustProxy: e.TRUST_PROXY === '1',
    sessions: quotaOf(e.LIMIT_SESSIONS),
    imports: quotaOf(e.LIMIT_IMPORTS),
    joins: quotaOf(e.LIMIT_JOINS),
    joinsPerSession: quotaOf(e.LIMIT_JOINS_PER_SESSION),
    importMaxBytes: Number(e.IMPORT_MAX_BYTES),
    socketsPerAddress: Number(e.MAX_SOCKETS_PER_ADDRESS),
    requestsPerAddress: Number(e.MAX_REQUESTS_PER_ADDRESS),
    // node wants the headers' time within the whole request's
    headersTimeoutMs: Math.min(Number(e.HEADERS_TIMEOUT_S) * 1000, requestTimeoutMs),
    requestTimeoutMs,
    bodyIdleMs: Number(e.BODY_IDLE_TIMEOUT_S) * 1000,
  }
}
