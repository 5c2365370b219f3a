import { randomBytes } from 'node:crypto'
import type { Logger } from '../logger'
import type { Storage } from '../storage/types'
import type { TemplateStore } from '../templates/templateStore'
import type { ImageStore } from '../uploads/imageStore'
import { connectRedis } from './connect'
import { clusterKeys } from './keys'
import { RedisFanout } from './redisFanout'
import { migrateRedis } from './redisFormat'
import { createRedisImageStore } from './redisImages'
import { createRedisStorage } from './redisStorage'
import { createRedisTemplateStore } from './redisTemplates'

export interface ClusterOptions {
  /** Prefix of every key (tests use one of their own). */
  readonly prefix?: string
  /** Stream entries younger than this stay after compaction, for instances that fell behind. */
  readonly trimMarginMs?: number
}

/** What an instance sharing its rooms through Redis runs on. */
export interface Cluster {
  readonly storage: Storage
  readonly fanout: RedisFanout
  readonly images: ImageStore
  readonly templates: TemplateStore
  readonly instance: string
  /** Stops following rooms and closes the Redis connections. */
  close(): Promise<void>
}

/**
 * Connects to Redis and checks it answers; throws with a clear message if it does not. The server
 * then keeps sessions, documents, images and saved templates in Redis, so any instance can serve any
 * request, and follows the rooms it has open through their streams.
 */
export async function openCluster(url: string, log: Logger, options: ClusterOptions = {}): Promise<Cluster> {
  const prefix = options.prefix ?? 'wb:'
  const keys = clusterKeys(prefix)
  const instance = randomBytes(9).toString('base64url')
  const cmd = connectRedis(url, 'commands', log)
  try {
    await cmd.connect()
    await cmd.ping()
  } catch (err) {
    cmd.disconnect()
    throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${(err as Error).message}`)
  }
  await warnWithoutAof(cmd, log)
  try {
    const format = await migrateRedis(cmd, prefix, keys)
    if (format.steps.length > 0) log.info(format, 'Redis format migrated')
  } catch (err) {
    cmd.disconnect()
    throw err
  }
  const reader = connectRedis(url, 'stream-reader', log, true)
  const sub = connectRedis(url, 'subscriber', log)
  const ref: { fanout?: RedisFanout } = {}
  const storage = createRedisStorage(cmd, {
    keys,
    instance,
    trimMarginMs: options.trimMarginMs ?? 5 * 60_000,
    positionOf: (room) => ref.fanout?.positionOf(room),
  })
  const running = new RedisFanout(cmd, reader, sub, {
    keys,
    prefix,
    instance,
    loadRoom: storage.loadRoom,
    log,
  })
  ref.fanout = running
  return {
    storage,
    fanout: running,
    images: createRedisImageStore(cmd, keys),
    templates: createRedisTemplateStore(cmd, keys),
    instance,
    close: async () => {
      await running.stop()
      for (const redis of [reader, sub, cmd]) redis.disconnect()
    },
  }
}

/** Durability needs AOF: without it, a crash of Redis loses what was relayed since its last save. */
async function warnWithoutAof(cmd: ReturnType<typeof connectRedis>, log: Logger): Promise<void> {
  try {
    const reply = (await cmd.config('GET', 'appendonly')) as string[]
    if (reply[1] !== 'yes')
      log.warn('Redis runs without AOF (appendonly no): a crash of Redis would lose recent updates')
  } catch {
    // CONFIG may be disabled on a managed Redis; nothing to check then
  }
}

const redactUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@')
