import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startCheckpointer } from './checkpointer'
import { openPeopleTables } from './sqlitePeople'
import { migrateSqlite } from './sqliteFormat'
import type { SessionRecord, Storage, StoredUpdate } from './types'

interface SessionRow {
  id: string
  title: string
  template: string
  created_at: number
  facilitator_hash: Buffer
  participant_hash: Buffer
  viewer_hash: Buffer
}

/** Rooms whose last seq is kept in memory (the least recently written are read again when needed). */
const MAX_SEQS_KEPT = 10_000
/** How often a worker thread copies the WAL into the database file (see checkpointer.ts). */
const CHECKPOINT_INTERVAL_MS = 1000
/** WAL pages after which the main connection checkpoints itself: only if the worker falls behind. */
const FALLBACK_CHECKPOINT_PAGES = 4000

/**
 * SQLite storage (WAL). `synchronous=NORMAL` makes a committed transaction survive a crash or
 * `kill -9` of the process (the WAL is written before commit returns); only a power loss can take
 * the last transactions back. Checkpoints run on a worker thread, off the event loop. The database's
 * format is migrated first (sqliteFormat.ts): StorageFormatError when it cannot be.
 */
export function openSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'whiteboard.sqlite')
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  // first, before even the journal mode is set: a database it refuses is left byte for byte as it was
  try {
    migrateSqlite(db, file)
  } catch (err) {
    db.close()
    throw err
  }
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`)
  const checkpointer = startCheckpointer(file, CHECKPOINT_INTERVAL_MS)

  const selectRoom = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM room_updates WHERE room = ? ORDER BY seq',
  )
  const insertRow = db.prepare<[string, number, Uint8Array]>(
    'INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)',
  )
  const lastSeq = db.prepare<[string], { seq: number }>(
    'SELECT coalesce(max(seq), 0) AS seq FROM room_updates WHERE room = ?',
  )
  // each room's last seq, kept once read: an append then skips the seek to the room's last row (and
  // reads it again if another connection wrote meanwhile). Changes made in a transaction count once it commits.
  const lastSeqs = new Map<string, number>()
  let staged = new Map<string, number>()
  const insertUpdate = {
    run: (room: string, update: Uint8Array): void => {
      const known = staged.get(room) ?? lastSeqs.get(room)
      let seq = (known ?? lastSeq.get(room)!.seq) + 1
      try {
        insertRow.run(room, seq, update)
      } catch (error) {
        // another connection to this database (a tool, a second process on the same DATA_DIR) moved
        // the room on since its seq was kept: read it again rather than refuse the room's updates
        if (known === undefined || (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw error
        seq = lastSeq.get(room)!.seq + 1
        insertRow.run(room, seq, update)
      }
      staged.set(room, seq)
    },
  }
  /** Runs a write transaction; what it did to the seqs is kept if it commits, forgotten if not. */
  const committing =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      staged = new Map()
      try {
        const result = fn(...args)
        for (const [room, seq] of staged) {
          lastSeqs.delete(room) // re-inserted last: the oldest written rooms are forgotten first
          lastSeqs.set(room, seq)
        }
        for (const room of lastSeqs.keys()) {
          if (lastSeqs.size <= MAX_SEQS_KEPT) break
          lastSeqs.delete(room)
        }
        return result
      } finally {
        staged = new Map()
      }
    }
  const deleteRoom = db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?')
  const deleteSessionRooms = db.prepare<[string, string]>(
    "DELETE FROM room_updates WHERE room = ? OR room LIKE ? ESCAPE '\\'",
  )
  const selectRooms = db.prepare<[string], { room: string }>(
    "SELECT DISTINCT room FROM room_updates WHERE room LIKE ? ESCAPE '\\'",
  )
  const insertSession = db.prepare<[string, string, string, number, Buffer, Buffer, Buffer]>(
    'INSERT INTO sessions (id, title, template, created_at, facilitator_hash, participant_hash, viewer_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
  const removeSession = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?')

  const appendAll = db.transaction((batch: readonly StoredUpdate[]) => {
    for (const { room, update } of batch) insertUpdate.run(room, update)
  })
  const compactRoom = db.transaction((room: string, state: Uint8Array) => {
    deleteRoom.run(room)
    staged.set(room, 0)
    insertUpdate.run(room, state)
  })
  const createAll = db.transaction((r: SessionRecord, docs: readonly StoredUpdate[]) => {
    const { facilitator, participant, viewer } = r.keyHashes
    insertSession.run(r.id, r.title, r.template, r.createdAt, facilitator, participant, viewer)
    appendAll(docs)
  })
  const likePrefix = (id: string): string => `${escapeLike(id)}/%`
  const people = openPeopleTables(db)
  /** Forgets the seqs of a session's rooms (their rows are being deleted). */
  const forgetSeqs = (id: string): void => {
    for (const room of lastSeqs.keys()) if (room === id || room.startsWith(`${id}/`)) lastSeqs.delete(room)
  }
  const removeAll = db.transaction((id: string) => {
    forgetSeqs(id)
    deleteSessionRooms.run(id, likePrefix(id))
    people.deleteSession(id)
    return removeSession.run(id).changes > 0
  })
  const roleColumns = {
    facilitator: db.prepare<[Buffer, string]>('UPDATE sessions SET facilitator_hash = ? WHERE id = ?'),
    participant: db.prepare<[Buffer, string]>('UPDATE sessions SET participant_hash = ? WHERE id = ?'),
    viewer: db.prepare<[Buffer, string]>('UPDATE sessions SET viewer_hash = ? WHERE id = ?'),
  }

  const appendNow = (batch: readonly StoredUpdate[]): void => {
    if (batch.length > 0) committing(appendAll)(batch)
  }

  return {
    load: async (room) => selectRoom.all(room).map((r) => new Uint8Array(r.data)),
    append: async (batch) => appendNow(batch),
    appendNow,
    compact: async (room, state) => committing(compactRoom)(room, state),
    listRooms: async (prefix) => selectRooms.all(`${escapeLike(prefix)}%`).map((r) => r.room),
    deleteSessionDocs: async (id) => {
      forgetSeqs(id)
      deleteSessionRooms.run(id, likePrefix(id))
    },
    createSession: async (record, docs) => committing(createAll)(record, docs),
    getSession: async (id) => {
      const row = selectSession.get(id)
      if (!row) return undefined
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
        keyHashes: {
          facilitator: row.facilitator_hash,
          participant: row.participant_hash,
          viewer: row.viewer_hash,
        },
      }
    },
    deleteSession: async (id) => removeAll(id),
    setKeyHash: async (id, role, hash) => {
      roleColumns[role].run(hash, id)
    },
    addPerson: async (person, caps) => people.add(person, caps),
    getPerson: async (sessionId, id) => people.get(sessionId, id),
    updatePerson: async (sessionId, id, changes) => people.update(sessionId, id, changes),
    listPeople: async (sessionId) => people.list(sessionId),
    appendLog: async (entry) => people.appendLog(entry),
    readLog: async (sessionId) => people.readLog(sessionId),
    close: () => {
      checkpointer.stop()
      if (db.open) db.close()
    },
  }
}

/** Escapes LIKE wildcards so a prefix matches itself only. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)
