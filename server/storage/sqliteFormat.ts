import type Database from 'better-sqlite3'
import { StorageFormatError } from './formatError'
import { PEOPLE_SCHEMA } from './sqlitePeople'

/*
 * The SQLite database's own format version, in `PRAGMA user_version`, and the named steps that
 * take a database from one to the next. On start every step the database has not had runs, all of
 * them in one transaction together with the new user_version: a step that fails rolls everything
 * back, and the server refuses to start, naming the step. A database is never half-migrated.
 */

/** One named step of the database's format. */
export interface SqliteStep {
  readonly version: number
  readonly name: string
  readonly up: (db: Database.Database) => void
}

const BASE_TABLES = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS room_updates (
  room TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (room, seq)
) WITHOUT ROWID;
`

/**
 * Databases from before room_updates kept each room's log in `updates` (a rowid table with
 * AUTOINCREMENT and an index on (room, id)): storing one small update wrote three pages, the
 * table's, the index's and sqlite_sequence's. room_updates is keyed by (room, seq) alone, so it is
 * one page. Moved over keeping each room's order.
 */
function moveLegacyUpdates(db: Database.Database): void {
  const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get()
  if (!legacy) return
  db.exec(`
INSERT INTO room_updates (room, seq, data)
  SELECT room, row_number() OVER (PARTITION BY room ORDER BY id), data FROM updates;
DROP TABLE updates;
DELETE FROM sqlite_sequence WHERE name = 'updates';
`)
}

/**
 * Every step, oldest first. Databases written before user_version was kept (0) hold some of these
 * tables already: each step is written to be harmless on them.
 */
export const SQLITE_STEPS: readonly SqliteStep[] = [
  { version: 1, name: 'sessions and room logs', up: (db) => db.exec(BASE_TABLES) },
  { version: 2, name: 'room logs keyed by (room, seq)', up: moveLegacyUpdates },
  { version: 3, name: 'people and session log', up: (db) => db.exec(PEOPLE_SCHEMA) },
]

export { StorageFormatError }

/** What a migration did: the format before and after and the steps it ran. */
export interface FormatReport {
  readonly from: number
  readonly to: number
  readonly steps: readonly string[]
}

/**
 * Takes the database up to the last step's format in one transaction, or throws StorageFormatError
 * (a database newer than this server, or a step that failed) leaving it as it was.
 */
export function migrateSqlite(
  db: Database.Database,
  file: string,
  steps: readonly SqliteStep[] = SQLITE_STEPS,
): FormatReport {
  const target = steps.at(-1)?.version ?? 0
  const from = db.pragma('user_version', { simple: true }) as number
  if (from > target)
    throw new StorageFormatError(
      `the database ${file} is format version ${from}, newer than this server's ${target}: update the server (or restore a backup made by this version)`,
    )
  const ran: string[] = []
  const migrate = db.transaction(() => {
    for (const step of steps) {
      if (step.version <= from) continue
      try {
        step.up(db)
      } catch (err) {
        throw new StorageFormatError(
          `storage migration step ${step.version} "${step.name}" failed: ${(err as Error).message}; the database ${file} is unchanged (format version ${from}); the server did not start`,
        )
      }
      ran.push(`${step.version} ${step.name}`)
    }
    db.pragma(`user_version = ${target}`)
  })
  if (from < target) migrate.immediate()
  return { from, to: Math.max(from, target), steps: ran }
}
