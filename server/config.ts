import { resolve } from 'node:path'
import { z } from 'zod'

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
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly redisUrl: string | undefined
  readonly logLevel: (typeof LOG_LEVELS)[number]
  /** Bytes a room's document may hold, and one update may have (the relay refuses past them). */
  readonly caps: { readonly maxRoomBytes: number; readonly maxUpdateBytes: number }
}

export class ConfigError extends Error {}

/** Reads and validates every environment variable the server uses; throws a ConfigError saying what is wrong. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse({
    PORT: env.PORT,
    HOST: env.HOST,
    DATA_DIR: env.DATA_DIR,
    REDIS_URL: env.REDIS_URL,
    LOG_LEVEL: env.LOG_LEVEL,
    ROOM_MAX_BYTES: env.ROOM_MAX_BYTES,
    UPDATE_MAX_BYTES: env.UPDATE_MAX_BYTES,
  })
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0])
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`
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
  }
}
