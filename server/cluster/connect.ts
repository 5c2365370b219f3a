import { Redis, type ChainableCommander } from 'ioredis'
import type { Logger } from '../logger'

/**
 * One connection to Redis. Commands wait while it reconnects and fail after a few tries, so a
 * write the relay could not store is reported (and its rooms closed) rather than kept forever.
 */
export function connectRedis(url: string, name: string, log: Logger, blocking = false): Redis {
  const redis = new Redis(url, {
    connectionName: `whiteboard-${name}`,
    lazyConnect: true,
    maxRetriesPerRequest: blocking ? null : 5,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  })
  let down = false
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message, connection: name }, 'redis connection error')
    down = true
  })
  redis.on('ready', () => {
    if (down) log.info({ connection: name }, 'redis connection back')
    down = false
  })
  return redis
}

/** Runs a pipeline and throws the first command's error, if any failed. */
export async function execAll(pipeline: ChainableCommander): Promise<void> {
  const results = (await pipeline.exec()) ?? []
  const failed = results.find(([err]) => err)
  if (failed) throw failed[0]
}
