import type Database from 'better-sqlite3'
import type { AddPersonResult, PeopleCaps, PersonChanges, PersonRecord, SessionLogEntry } from './types'

/** The people and session_log tables (created by a format step: sqliteFormat.ts). */
export const PEOPLE_SCHEMA = `
CREATE TABLE IF NOT EXISTS people (
  session_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  answer TEXT,
  joined_at INTEGER NOT NULL,
  decided_at INTEGER,
  decided_by TEXT,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS session_log (
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  subject TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
`

interface PersonRow {
  session_id: string
  id: string
  name: string
  role: PersonRecord['role']
  status: PersonRecord['status']
  answer: PersonRecord['answer']
  joined_at: number
  decided_at: number | null
  decided_by: string | null
}

const toRecord = (r: PersonRow): PersonRecord => ({
  sessionId: r.session_id,
  id: r.id,
  name: r.name,
  role: r.role,
  status: r.status,
  answer: r.answer,
  joinedAt: r.joined_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
})

/** The people and session_log tables of the SQLite storage (sqlite.ts; made by sqliteFormat.ts). */
export function openPeopleTables(db: Database.Database) {
  const count = db.prepare<[string], { people: number; waiting: number }>(
    "SELECT count(*) AS people, coalesce(sum(status = 'waiting'), 0) AS waiting FROM people WHERE session_id = ?",
  )
  const insert = db.prepare<
    [string, string, string, string, string, string | null, number, number | null, string | null]
  >(
    'INSERT INTO people (session_id, id, name, role, status, answer, joined_at, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string, string], PersonRow>(
    'SELECT * FROM people WHERE session_id = ? AND id = ?',
  )
  const selectAll = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE session_id = ? ORDER BY joined_at, rowid',
  )
  const save = db.prepare<[string, string, string | null, number | null, string | null, string, string]>(
    'UPDATE people SET name = ?, status = ?, answer = ?, decided_at = ?, decided_by = ? WHERE session_id = ? AND id = ?',
  )
  const insertLog = db.prepare<[string, string, number, string, string, string]>(
    'INSERT INTO session_log (session_id, seq, at, action, actor, subject) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM session_log WHERE session_id = ?), ?, ?, ?, ?)',
  )
  const selectLog = db.prepare<
    [string],
    { at: number; action: SessionLogEntry['action']; actor: string; subject: string }
  >('SELECT at, action, actor, subject FROM session_log WHERE session_id = ? ORDER BY seq')
  const dropPeople = db.prepare<[string]>('DELETE FROM people WHERE session_id = ?')
  const dropLog = db.prepare<[string]>('DELETE FROM session_log WHERE session_id = ?')

  // the caps are checked in the same transaction as the insert, so joins at once cannot pass them together
  const add = db.transaction((p: PersonRecord, caps: PeopleCaps): AddPersonResult => {
    const n = count.get(p.sessionId) ?? { people: 0, waiting: 0 }
    if (n.people >= caps.maxPeople) return 'full'
    if (p.status === 'waiting' && n.waiting >= caps.maxWaiting) return 'waiting-full'
    insert.run(p.sessionId, p.id, p.name, p.role, p.status, p.answer, p.joinedAt, p.decidedAt, p.decidedBy)
    return 'added'
  })
  const update = db.transaction(
    (sessionId: string, id: string, c: PersonChanges): PersonRecord | undefined => {
      const row = select.get(sessionId, id)
      if (!row) return undefined
      const next = { ...toRecord(row), ...c }
      save.run(next.name, next.status, next.answer, next.decidedAt, next.decidedBy, sessionId, id)
      return next
    },
  )

  return {
    add,
    get: (sessionId: string, id: string): PersonRecord | undefined => {
      const row = select.get(sessionId, id)
      return row ? toRecord(row) : undefined
    },
    update,
    list: (sessionId: string): PersonRecord[] => selectAll.all(sessionId).map(toRecord),
    appendLog: (e: SessionLogEntry): void => {
      insertLog.run(e.sessionId, e.sessionId, e.at, e.action, e.actor, e.subject)
    },
    readLog: (sessionId: string): SessionLogEntry[] =>
      selectLog.all(sessionId).map((r) => ({ sessionId, ...r })),
    /** Removes a session's people and log (called inside the session's delete transaction). */
    deleteSession: (sessionId: string): void => {
      dropPeople.run(sessionId)
      dropLog.run(sessionId)
    },
  }
}
