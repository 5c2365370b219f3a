import { Redis } from 'ioredis'
import { startRedis } from './redis'

/** A test file's Redis: its address, a client, and `close` (after all its tests). */
export interface TestRedisClient {
  readonly url: string
  readonly redis: Redis
  close(): Promise<void>
}

/**
 * `.ci/run` starts one redis-server for the tests (REDIS_TEST_URL); a test file run alone starts
 * its own, which `close` stops.
 */
export async function openTestRedis(): Promise<TestRedisClient> {
  const own = process.env.REDIS_TEST_URL ? undefined : await startRedis()
  const url = own?.url ?? process.env.REDIS_TEST_URL!
  const redis = new Redis(url)
  return {
    url,
    redis,
    close: async () => {
      redis.disconnect()
      await own?.stop()
    },
  }
}
