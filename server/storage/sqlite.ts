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
  // the next seq is found by a seek to the room's last row, on the page the insert then writes
  const insertUpdate = db.prepare<[string, string, Uint8Array]>(
    'INSERT INTO room_updates (room, seq, data) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM room_updates WHERE room = ?), ?)',
  )
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
    for (const { room, update } of batch) insertUpdate.run(room, room, update)
  })
  const compactRoom = db.transaction((room: string, state: Uint8Array) => {
    deleteRoom.run(room)
    insertUpdate.run(room, room, state)
  })
  const createAll = db.transaction((r: SessionRecord, docs: readonly StoredUpdate[]) => {
    const { facilitator, participant, viewer } = r.keyHashes
    insertSession.run(r.id, r.title, r.template, r.createdAt, facilitator, participant, viewer)
    appendAll(docs)
  })
  const likePrefix = (id: string): string => `${escapeLike(id)}/%`
  const people = openPeopleTables(db)
  const removeAll = db.transaction((id: string) => {
    deleteSessionRooms.run(id, likePrefix(id))
    people.deleteSession(id)
    return removeSession.run(id).changes > 0
  })
  const roleColumns = {
    facilitator: db.prepare<[Buffer, string]>('UPDATE sessions SET facilitator_hash = ? WHERE id = ?'),
    participant: db.prepare<[Buffer, string]>('UPDATE sessions SET participant_hash = ? WHERE id = ?'),
    viewer: db.prepare<[Buffer, string]>('UPDATE sessions SET viewer_hash = ? WHERE id = ?'),
  }

  return {
    load: async (room) => selectRoom.all(room).map((r) => new Uint8Array(r.data)),
    append: async (batch) => {
      if (batch.length > 0) appendAll(batch)
    },
    compact: async (room, state) => compactRoom(room, state),
    listRooms: async (prefix) => selectRooms.all(`${escapeLike(prefix)}%`).map((r) => r.room),
    deleteSessionDocs: async (id) => {
      deleteSessionRooms.run(id, likePrefix(id))
    },
    createSession: async (record, docs) => createAll(record, docs),
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
