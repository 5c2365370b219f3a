import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite'

const A = 'AAAAAAAAAAAAAAAAAAAAAA'
const B = 'BBBBBBBBBBBBBBBBBBBBBB'
const bytes = (n: number): Uint8Array => new Uint8Array([n])
const values = (rows: Uint8Array[]): number[] => rows.map((r) => r[0]!)

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wb-sqlite-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

describe('sqlite storage', () => {
  it('keeps each room’s updates in order across appends, compaction and reopening', async () => {
    const dir = tempDir()
    const storage = openSqliteStorage(dir)
    await storage.append([
      { room: A, update: bytes(1) },
      { room: B, update: bytes(10) },
      { room: A, update: bytes(2) },
    ])
    await storage.append([{ room: A, update: bytes(3) }])
    expect(values(await storage.load(A))).toEqual([1, 2, 3])
    await storage.compact(A, bytes(99))
    await storage.append([{ room: A, update: bytes(4) }])
    storage.close()
    const reopened = openSqliteStorage(dir)
    onTestFinished(() => reopened.close())
    expect(values(await reopened.load(A))).toEqual([99, 4])
    expect(values(await reopened.load(B))).toEqual([10])
  })

  it('goes on appending to a room another connection wrote to meanwhile (its kept seq is read again)', async () => {
    const dir = tempDir()
    const server = openSqliteStorage(dir)
    onTestFinished(() => server.close())
    await server.append([{ room: A, update: bytes(1) }])
    // a second connection on the same DATA_DIR (a tool, a test) appends behind the server's back
    const other = openSqliteStorage(dir)
    await other.append([{ room: A, update: bytes(2) }])
    other.close()
    await server.append([{ room: A, update: bytes(3) }])
    await server.append([{ room: A, update: bytes(4) }])
    expect(values(await server.load(A))).toEqual([1, 2, 3, 4])
  })

  it('moves a log written by the earlier schema (one rowid table) over, in order', async () => {
    const dir = tempDir()
    const old = new Database(join(dir, 'whiteboard.sqlite'))
    old.pragma('journal_mode = WAL')
    old.exec(`
      CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_room ON updates (room, id);
    `)
    const insert = old.prepare('INSERT INTO updates (room, data) VALUES (?, ?)')
    for (const [room, n] of [
      [A, 1],
      [B, 10],
      [A, 2],
      [B, 11],
      [A, 3],
    ] as const)
      insert.run(room, bytes(n))
    old.close()

    const storage = openSqliteStorage(dir)
    onTestFinished(() => storage.close())
    expect(values(await storage.load(A))).toEqual([1, 2, 3])
    expect(values(await storage.load(B))).toEqual([10, 11])
    await storage.append([{ room: A, update: bytes(4) }])
    expect(values(await storage.load(A))).toEqual([1, 2, 3, 4])
    expect(await storage.listRooms('')).toHaveLength(2)
  })
})
