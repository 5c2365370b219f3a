import type { Redis } from 'ioredis'
import { StorageFormatError } from '../storage/formatError'
import type { ClusterKeys } from './keys'

/*
 * The Redis keyspace's own format version, in the key `<prefix>format`, and the named steps that
 * take it from one to the next. A step plans its writes (it may read), and every pending step's
 * writes go in one MULTI/EXEC together with the new version, under WATCH of the version key: a step
 * that fails has written nothing, and two instances starting at once migrate once. The server then
 * refuses to start, naming the step. Redis cannot take back a command that fails inside EXEC, so a
 * step plans only commands whose keys' types it has checked.
 */

/** One Redis command: its name and arguments. */
export type RedisCommand = readonly [string, ...(string | Buffer | number)[]]

/** One named step of the keyspace's format. */
export interface RedisStep {
  readonly version: number
  readonly name: string
  readonly plan: (redis: Redis, keys: ClusterKeys) => Promise<readonly RedisCommand[]>
}

/**
 * Every step, oldest first. 1 is the format the keyspace had when versions began (sessions as
 * hashes, each room a stream and a snapshot hash): nothing to change, only the version to write.
 */
export const REDIS_STEPS: readonly RedisStep[] = [
  { version: 1, name: 'sessions, room streams and snapshots', plan: async () => [] },
]

/** The key that holds the format version. */
export const formatKey = (prefix: string): string => `${prefix}format`

/** Tries before giving up when other instances keep changing the version key meanwhile. */
const TRIES = 5

/**
 * Takes the keyspace up to the last step's format, all steps in one transaction, or throws
 * StorageFormatError (newer than this server, a malformed version, a failed step) changing nothing.
 */
export async function migrateRedis(
  redis: Redis,
  prefix: string,
  keys: ClusterKeys,
  steps: readonly RedisStep[] = REDIS_STEPS,
): Promise<{ from: number; to: number; steps: string[] }> {
  const key = formatKey(prefix)
  const target = steps.at(-1)?.version ?? 0
  for (let attempt = 0; attempt < TRIES; attempt++) {
    await redis.watch(key)
    const raw = await redis.get(key)
    const from = raw === null ? 0 : Number(raw)
    const fail = async (message: string): Promise<never> => {
      await redis.unwatch()
      throw new StorageFormatError(message)
    }
    if (!Number.isSafeInteger(from) || from < 0)
      return fail(`Redis key ${key} holds "${raw}", not a format version: the keyspace is not this server's`)
    if (from > target)
      return fail(
        `Redis (${key}) is format version ${from}, newer than this server's ${target}: update the server`,
      )
    if (from === target) {
      await redis.unwatch()
      return { from, to: target, steps: [] }
    }
    const commands: RedisCommand[] = []
    const ran: string[] = []
    for (const step of steps) {
      if (step.version <= from) continue
      try {
        commands.push(...(await step.plan(redis, keys)))
      } catch (err) {
        return fail(
          `storage migration step ${step.version} "${step.name}" failed: ${(err as Error).message}; Redis is unchanged (format version ${from}); the server did not start`,
        )
      }
      ran.push(`${step.version} ${step.name}`)
    }
    const multi = redis.multi()
    for (const [name, ...args] of commands) multi.call(name, ...args)
    multi.set(key, String(target))
    const results = await multi.exec()
    if (results === null) continue // the version changed meanwhile (another instance): look again
    const failed = results.find(([err]) => err)
    if (failed) throw new StorageFormatError(`Redis format migration failed: ${failed[0]!.message}`)
    return { from, to: target, steps: ran }
  }
  throw new StorageFormatError(`Redis format version kept changing while migrating (${key})`)
}
