import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, id);
`

/**
 * SQLite storage (WAL). `synchronous=NORMAL` makes a committed transaction survive a crash or
 * `kill -9` of the process (the WAL is written before commit returns); only a power loss can take
 * the last transactions back.
 */
export function openSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'whiteboard.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const selectRoom = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM updates WHERE room = ? ORDER BY id',
  )
  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)')
  const deleteRoom = db.prepare<[string]>('DELETE FROM updates WHERE room = ?')
  const deleteSessionRooms = db.prepare<[string, string]>(
    "DELETE FROM updates WHERE room = ? OR room LIKE ? ESCAPE '\\'",
  )
  const selectRooms = db.prepare<[string], { room: string }>(
    "SELECT DISTINCT room FROM updates WHERE room LIKE ? ESCAPE '\\'",
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
    insertUpdate.run(room, state)
  })
  const createAll = db.transaction((r: SessionRecord, docs: readonly StoredUpdate[]) => {
    const { facilitator, participant, viewer } = r.keyHashes
    insertSession.run(r.id, r.title, r.template, r.createdAt, facilitator, participant, viewer)
    appendAll(docs)
  })
  const likePrefix = (id: string): string => `${escapeLike(id)}/%`
  const removeAll = db.transaction((id: string) => {
    deleteSessionRooms.run(id, likePrefix(id))
    return removeSession.run(id).changes > 0
  })

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
    close: () => {
      if (db.open) db.close()
    },
  }
}

/** Escapes LIKE wildcards so a prefix matches itself only. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)
