import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { openCluster } from '../../server/cluster/cluster'
import { clusterKeys } from '../../server/cluster/keys'
import { REDIS_STEPS, formatKey, migrateRedis, type RedisStep } from '../../server/cluster/redisFormat'
import { createLogger } from '../../server/logger'
import { openTestRedis, type TestRedisClient } from '../helpers/testRedis'
import { openSqliteStorage } from '../../server/storage/sqlite'
import { SQLITE_STEPS, StorageFormatError, migrateSqlite } from '../../server/storage/sqliteFormat'

const ROOT = join(import.meta.dirname, '..', '..')
const FIXTURE_DB = join(ROOT, 'tests', 'fixtures', 'schema-1', 'stored', 'whiteboard.sqlite')
const LATEST = SQLITE_STEPS.at(-1)!.version
const SESSION = 'FixtureSessionToday000'

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wb-format-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A DATA_DIR holding the schema-1 fixture's database (written before user_version was kept). */
function fixtureDir(): string {
  const dir = tempDir()
  copyFileSync(FIXTURE_DB, join(dir, 'whiteboard.sqlite'))
  return dir
}

/** What the database holds, read with SQLite alone: its version, tables, columns and rows. */
function contents(dir: string) {
  const db = new Database(join(dir, 'whiteboard.sqlite'), { readonly: true })
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      tables: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
      sessionColumns: db.prepare('SELECT name FROM pragma_table_info(?)').all('sessions'),
      rows: db.prepare('SELECT room, seq, hex(data) AS data FROM room_updates ORDER BY room, seq').all(),
      people: db.prepare('SELECT * FROM people ORDER BY session_id, id').all(),
    }
  } finally {
    db.close()
  }
}

/** Runs the real entry point on a DATA_DIR; how it ended. */
function start(dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NO_COLOR: '1', REDIS_URL: '' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('SQLite format version (PRAGMA user_version)', () => {
  it('a new database is made by the steps and carries the last one’s version', () => {
    const dir = tempDir()
    openSqliteStorage(dir).close()
    expect(contents(dir).version).toBe(LATEST)
  })

  it('a database from before versions is migrated on open, its sessions intact', async () => {
    const dir = fixtureDir()
    const before = contents(dir)
    expect(before.version).toBe(0)
    const storage = openSqliteStorage(dir)
    onTestFinished(() => storage.close())
    expect(contents(dir).version).toBe(LATEST)
    expect(contents(dir).rows).toEqual(before.rows)
    expect((await storage.load(SESSION)).length).toBeGreaterThan(0)
    expect(await storage.getSession(SESSION)).toMatchObject({ id: SESSION })
  })

  it('a step that fails in the middle leaves the old data as it was and readable (never half-migrated)', async () => {
    const dir = fixtureDir()
    const before = contents(dir)
    const crashing = [
      ...SQLITE_STEPS,
      {
        version: LATEST + 1,
        name: 'sessions get a colour',
        up: (db: Database.Database) => {
          db.exec('ALTER TABLE sessions ADD COLUMN colour TEXT')
          db.exec('DELETE FROM room_updates')
          throw new Error('disk on fire')
        },
      },
    ]
    const db = new Database(join(dir, 'whiteboard.sqlite'))
    expect(() => migrateSqlite(db, 'the fixture', crashing)).toThrow(StorageFormatError)
    expect(() => migrateSqlite(db, 'the fixture', crashing)).toThrow(
      `storage migration step ${LATEST + 1} "sessions get a colour" failed: disk on fire`,
    )
    db.close()
    // the earlier steps of the same run were taken back too: the file is as the old server left it
    expect(contents(dir)).toEqual(before)
    const storage = openSqliteStorage(dir)
    onTestFinished(() => storage.close())
    expect((await storage.load(SESSION)).length).toBe(
      before.rows.filter((r) => (r as { room: string }).room === SESSION).length,
    )
  })

  it('a database newer than this server is refused, untouched', () => {
    const dir = fixtureDir()
    const db = new Database(join(dir, 'whiteboard.sqlite'))
    db.pragma('user_version = 99')
    db.close()
    const bytes = readFileSync(join(dir, 'whiteboard.sqlite'))
    expect(() => openSqliteStorage(dir)).toThrow(/format version 99, newer than this server's/)
    expect(readFileSync(join(dir, 'whiteboard.sqlite')).equals(bytes)).toBe(true)
  })

  it('the server refuses to start, naming the step that failed, and the database stays readable', () => {
    // a log moved half-way by hand: the legacy table and a room_updates row that collides with it
    const dir = tempDir()
    const db = new Database(join(dir, 'whiteboard.sqlite'))
    db.exec(`
      CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE TABLE room_updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
      INSERT INTO updates (room, data) VALUES ('${SESSION}', x'01'), ('${SESSION}', x'02');
      INSERT INTO room_updates VALUES ('${SESSION}', 1, x'01');
    `)
    db.close()
    const before = readFileSync(join(dir, 'whiteboard.sqlite'))
    const { code, out } = start(dir)
    expect(code).toBe(1)
    expect(out).toMatch(/storage migration step 2 "room logs keyed by \(room, seq\)" failed/)
    expect(out).toMatch(/is unchanged \(format version 0\)/)
    expect(out).not.toMatch(/ready at/)
    expect(readFileSync(join(dir, 'whiteboard.sqlite')).equals(before)).toBe(true)
  })

  it('the server refuses to start on a database of a newer format', () => {
    const dir = fixtureDir()
    const db = new Database(join(dir, 'whiteboard.sqlite'))
    db.pragma(`user_version = ${LATEST + 1}`)
    db.close()
    const { code, out } = start(dir)
    expect(code).toBe(1)
    expect(out).toMatch(new RegExp(`format version ${LATEST + 1}, newer than this server's ${LATEST}`))
  })
})

let testRedis: TestRedisClient
let redis: Redis
let redisUrl = ''
beforeAll(async () => {
  testRedis = await openTestRedis()
  ;({ url: redisUrl, redis } = testRedis)
})
afterAll(() => testRedis.close())

describe('Redis format version (the <prefix>format key)', () => {
  const REDIS_LATEST = REDIS_STEPS.at(-1)!.version
  let n = 0
  const fresh = () => `fmt${Date.now()}-${n++}:`

  it('an instance starting on a keyspace without one migrates it and writes the version', async () => {
    const prefix = fresh()
    await redis.hset(`${prefix}{s1}:session`, 'title', 'Kept')
    const cluster = await openCluster(redisUrl, createLogger('silent'), { prefix })
    onTestFinished(() => cluster.close())
    expect(await redis.get(formatKey(prefix))).toBe(String(REDIS_LATEST))
    expect(await redis.hget(`${prefix}{s1}:session`, 'title')).toBe('Kept')
    // a second instance finds it current and changes nothing
    expect(await migrateRedis(redis, prefix, clusterKeys(prefix))).toMatchObject({ steps: [] })
  })

  it('a step that fails writes nothing: the old keys and version stay as they were', async () => {
    const prefix = fresh()
    await redis.set(formatKey(prefix), String(REDIS_LATEST))
    await redis.hset(`${prefix}{s1}:session`, 'title', 'Kept')
    const crashing: RedisStep[] = [
      ...REDIS_STEPS,
      {
        version: REDIS_LATEST + 1,
        name: 'sessions get a colour',
        plan: async (r) => {
          await r.hget(`${prefix}{s1}:session`, 'title')
          throw new Error('out of memory')
        },
      },
    ]
    await expect(migrateRedis(redis, prefix, clusterKeys(prefix), crashing)).rejects.toThrow(
      `storage migration step ${REDIS_LATEST + 1} "sessions get a colour" failed: out of memory`,
    )
    expect(await redis.get(formatKey(prefix))).toBe(String(REDIS_LATEST))
    expect(await redis.hgetall(`${prefix}{s1}:session`)).toEqual({ title: 'Kept' })
    // and a step that succeeds writes its commands and the version together
    const working: RedisStep[] = [
      ...REDIS_STEPS,
      {
        version: REDIS_LATEST + 1,
        name: 'sessions get a colour',
        plan: async () => [['HSET', `${prefix}{s1}:session`, 'colour', 'teal']],
      },
    ]
    await migrateRedis(redis, prefix, clusterKeys(prefix), working)
    expect(await redis.get(formatKey(prefix))).toBe(String(REDIS_LATEST + 1))
    expect(await redis.hget(`${prefix}{s1}:session`, 'colour')).toBe('teal')
  })

  it('a keyspace of a newer format, or a malformed version, is refused before anything starts', async () => {
    for (const [value, message] of [
      [String(REDIS_LATEST + 1), /newer than this server's/],
      ['banana', /not a format version/],
    ] as const) {
      const prefix = fresh()
      await redis.set(formatKey(prefix), value)
      await expect(openCluster(redisUrl, createLogger('silent'), { prefix })).rejects.toThrow(message)
      expect(await redis.get(formatKey(prefix))).toBe(value)
    }
  })
})
