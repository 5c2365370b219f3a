import type { Redis } from 'ioredis'
import type { SessionRecord, Storage, StoredUpdate } from '../storage/types'
import { parseEntries } from './entries'
import { execAll } from './connect'
import type { ClusterKeys } from './keys'
import { redisPeople } from './redisPeople'
import { COMPACT_ROOM, LOAD_ROOM, RELEASE_LOCK } from './scripts'

/** A room as stored: its snapshot, then the entries after it. */
export interface StoredRoom {
  readonly updates: Uint8Array[]
  /** Id of the last entry read (or the snapshot's), where following the stream goes on from. */
  readonly position: string
  /** Entries (updates, not markers) in the stream after the snapshot. */
  readonly rows: number
}

export interface RedisStorageOptions {
  readonly keys: ClusterKeys
  readonly instance: string
  /** Stream entries older than this are kept after compaction, for instances that are behind. */
  readonly trimMarginMs: number
  /** Where this instance has read a room's stream up to (its document holds everything before). */
  readonly positionOf: (room: string) => string | undefined
}

const LOCK_MS = 30_000

/**
 * Documents and sessions in Redis: each room a stream of updates plus a compacted snapshot, each
 * session a hash. With AOF on (`appendonly yes`, `appendfsync always`), an acknowledged write
 * survives a crash of Redis too. This is the store that several instances share.
 */
export function createRedisStorage(
  redis: Redis,
  options: RedisStorageOptions,
): Storage & {
  loadRoom(room: string): Promise<StoredRoom>
} {
  const { keys, instance } = options
  const knownRooms = new Set<string>()

  const loadRoom = async (room: string): Promise<StoredRoom> => {
    const [state, from, raw] = (await redis.callBuffer(
      'EVAL',
      LOAD_ROOM,
      2,
      keys.snap(room),
      keys.log(room),
    )) as [Buffer | null, Buffer, unknown]
    const entries = parseEntries(raw)
    const updates = entries.flatMap((e) => (e.update ? [e.update] : []))
    if (state) updates.unshift(new Uint8Array(state.buffer, state.byteOffset, state.byteLength))
    return { updates, position: entries.at(-1)?.id ?? from.toString(), rows: updates.length }
  }

  const deleteDocs = async (sessionId: string): Promise<void> => {
    const rooms = await redis.smembers(keys.rooms(sessionId))
    const doomed = [sessionId, ...rooms].flatMap((r) => [keys.log(r), keys.snap(r), keys.lock(r)])
    for (const r of rooms) knownRooms.delete(r)
    knownRooms.delete(sessionId)
    await redis.del(...doomed, keys.rooms(sessionId))
  }
  const people = redisPeople(redis, keys)

  return {
    loadRoom,
    load: async (room) => (await loadRoom(room)).updates,

    append: async (batch: readonly StoredUpdate[]) => {
      if (batch.length === 0) return
      const pipeline = redis.pipeline()
      for (const { room, update } of batch) {
        pipeline.xadd(
          keys.log(room),
          '*',
          'u',
          Buffer.from(update.buffer, update.byteOffset, update.byteLength),
          'i',
          instance,
        )
        if (!knownRooms.has(room)) pipeline.sadd(keys.rooms(sessionOf(room)), room)
      }
      await execAll(pipeline)
      if (knownRooms.size > 10_000) knownRooms.clear()
      for (const { room } of batch) knownRooms.add(room)
    },

    compact: async (room, state) => {
      const position = options.positionOf(room)
      if (!position) return // not followed here: this instance cannot tell what the state holds
      const locked = await redis.set(keys.lock(room), instance, 'PX', LOCK_MS, 'NX')
      if (locked !== 'OK') return // another instance is compacting it
      try {
        await redis.eval(
          COMPACT_ROOM,
          3,
          keys.snap(room),
          keys.log(room),
          keys.lock(room),
          Buffer.from(state.buffer, state.byteOffset, state.byteLength),
          position,
          options.trimMarginMs,
          instance,
        )
      } finally {
        await redis.eval(RELEASE_LOCK, 1, keys.lock(room), instance)
      }
    },

    listRooms: async (prefix) => {
      const sessions = prefix.includes('/')
        ? [prefix.slice(0, prefix.indexOf('/'))]
        : await scanSessions(redis, keys, prefix)
      const rooms = await Promise.all(sessions.map((s) => redis.smembers(keys.rooms(s))))
      return rooms.flat().filter((r) => r.startsWith(prefix))
    },

    deleteSessionDocs: deleteDocs,

    createSession: async (record: SessionRecord, docs: readonly StoredUpdate[]) => {
      // the documents first: the session is visible (and joinable) only once they are stored
      const pipeline = redis.pipeline()
      for (const { room, update } of docs) {
        pipeline.xadd(keys.log(room), '*', 'u', Buffer.from(update), 'i', instance)
        pipeline.sadd(keys.rooms(record.id), room)
      }
      pipeline.hset(keys.session(record.id), {
        title: record.title,
        template: record.template,
        createdAt: String(record.createdAt),
        facilitator: record.keyHashes.facilitator,
        participant: record.keyHashes.participant,
        viewer: record.keyHashes.viewer,
      })
      await execAll(pipeline)
    },

    getSession: async (id) => {
      const h = await redis.hgetallBuffer(keys.session(id))
      if (!h.title || !h.facilitator || !h.participant || !h.viewer) return undefined
      return {
        id,
        title: h.title.toString(),
        template: h.template?.toString() ?? '',
        createdAt: Number(h.createdAt?.toString() ?? 0),
        keyHashes: { facilitator: h.facilitator, participant: h.participant, viewer: h.viewer },
      }
    },

    deleteSession: async (id) => {
      // the record first: from then on no one can join, so nothing is written to what is deleted next
      const existed = (await redis.del(keys.session(id))) > 0
      await deleteDocs(id)
      await people.deleteSession(id)
      return existed
    },

    setKeyHash: async (id, role, hash) => {
      // only an existing session's: a renew racing a delete must not bring a bare record back
      if (await redis.exists(keys.session(id))) await redis.hset(keys.session(id), role, hash)
    },
    addPerson: people.add,
    getPerson: people.get,
    updatePerson: people.update,
    listPeople: people.list,
    appendLog: people.appendLog,
    readLog: people.readLog,

    close: () => {},
  }
}

/** The session a room belongs to: its name up to the first slash. */
const sessionOf = (room: string): string => (room.includes('/') ? room.slice(0, room.indexOf('/')) : room)

async function scanSessions(redis: Redis, keys: ClusterKeys, prefix: string): Promise<string[]> {
  const pattern = keys.rooms('*')
  const found: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
    cursor = next
    for (const key of batch) {
      const id = key.slice(key.indexOf('{') + 1, key.lastIndexOf('}'))
      if (id.startsWith(prefix) || prefix.startsWith(id)) found.push(id)
    }
  } while (cursor !== '0')
  return found
}
