import type { Redis } from 'ioredis'
import type {
  AddPersonResult,
  PeopleCaps,
  PersonChanges,
  PersonRecord,
  SessionLogEntry,
} from '../storage/types'
import type { ClusterKeys } from './keys'

/**
 * KEYS: people, waiting. ARGV: id, record JSON, max people, max waiting, '1' if the person waits.
 * The caps are read and the person added in one step, so joins on several instances at once cannot
 * pass them together.
 */
const ADD_PERSON = `
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 'full' end
if ARGV[5] == '1' then
  if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 'waiting-full' end
  redis.call('SADD', KEYS[2], ARGV[1])
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 'added'
`

/** KEYS: people, waiting. ARGV: id, changes JSON. Returns the record after, or false. */
const UPDATE_PERSON = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return false end
local record = cjson.decode(current)
for k, v in pairs(cjson.decode(ARGV[2])) do record[k] = v end
local text = cjson.encode(record)
redis.call('HSET', KEYS[1], ARGV[1], text)
if record.status == 'waiting' then redis.call('SADD', KEYS[2], ARGV[1]) else redis.call('SREM', KEYS[2], ARGV[1]) end
return text
`

const parse = (json: string): PersonRecord => JSON.parse(json) as PersonRecord

/** A session's people (a hash of JSON records) and log (a list) in Redis. */
export function redisPeople(redis: Redis, keys: ClusterKeys) {
  return {
    add: async (p: PersonRecord, caps: PeopleCaps): Promise<AddPersonResult> =>
      (await redis.eval(
        ADD_PERSON,
        2,
        keys.people(p.sessionId),
        keys.waiting(p.sessionId),
        p.id,
        JSON.stringify(p),
        caps.maxPeople,
        caps.maxWaiting,
        p.status === 'waiting' ? '1' : '0',
      )) as AddPersonResult,
    get: async (sessionId: string, id: string): Promise<PersonRecord | undefined> => {
      const json = await redis.hget(keys.people(sessionId), id)
      return json ? parse(json) : undefined
    },
    update: async (sessionId: string, id: string, c: PersonChanges): Promise<PersonRecord | undefined> => {
      const json = (await redis.eval(
        UPDATE_PERSON,
        2,
        keys.people(sessionId),
        keys.waiting(sessionId),
        id,
        JSON.stringify(c),
      )) as string | null
      return json ? parse(json) : undefined
    },
    list: async (sessionId: string): Promise<PersonRecord[]> => {
      const all = await redis.hvals(keys.people(sessionId))
      return all.map(parse).sort((a, b) => a.joinedAt - b.joinedAt)
    },
    appendLog: async (e: SessionLogEntry): Promise<void> => {
      await redis.rpush(keys.audit(e.sessionId), JSON.stringify(e))
    },
    readLog: async (sessionId: string): Promise<SessionLogEntry[]> =>
      (await redis.lrange(keys.audit(sessionId), 0, -1)).map((j) => JSON.parse(j) as SessionLogEntry),
    deleteSession: async (sessionId: string): Promise<void> => {
      await redis.del(keys.people(sessionId), keys.waiting(sessionId), keys.audit(sessionId))
    },
  }
}
