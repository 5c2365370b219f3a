import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildDocsFromExport, parseExport } from '../../shared/export/json'
import { controlRoom, facilitatorRoom, parseRoom } from '../../shared/rooms'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { sessionMapOf } from '../../shared/schema/controlDoc'
import { KINDS, isObjectKind } from '../../shared/schema/kinds'
import { SCHEMA_VERSION, readVersion, upgradeDoc } from '../../shared/schema/migrations'
import { openSqliteStorage } from '../../server/storage/sqlite'
import { SQLITE_STEPS } from '../../server/storage/sqliteFormat'
import { snapshotSummary, type SnapshotSummary } from '../fixtures/summary'

/*
 * The golden fixtures (tests/fixtures/schema-<N>/, made by tests/fixtures/makeFixtures.ts with the
 * build of that version): every one is taken up to this build on every run, and must read as it
 * read then, nothing lost.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const versions = readdirSync(FIXTURES).filter((d) => /^schema-\d+$/.test(d))

interface Expected {
  schemaVersion: number
  sessions: Record<string, SnapshotSummary & { private: { room: string; note: string; votes: number } }>
}
const docOf = (updates: readonly Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

/** Every object is at its kind's version now. */
function expectCurrentObjects(doc: Y.Doc): void {
  for (const [, map] of objectsOf(doc).entries()) {
    const kind = map.get('kind')
    if (isObjectKind(kind)) expect(map.get('v')).toBe(KINDS[kind].version)
  }
}

describe.each(versions)('golden fixture %s', (version) => {
  const dir = join(FIXTURES, version)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected

  it('is a fixture of an earlier or this version', () => {
    expect(expected.schemaVersion).toBeLessThanOrEqual(SCHEMA_VERSION)
    expect(existsSync(join(dir, 'stored', 'whiteboard.sqlite'))).toBe(true)
  })

  it('its stored sessions upgrade to this version, reading as they did (storage format and documents)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wb-fixture-'))
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }))
    cpSync(join(dir, 'stored'), dataDir, { recursive: true })
    const storage = openSqliteStorage(dataDir)
    onTestFinished(() => storage.close())
    for (const [id, want] of Object.entries(expected.sessions)) {
      const rooms = { board: id, control: controlRoom(id), facilitator: facilitatorRoom(id) }
      const docs = {
        board: docOf(await storage.load(rooms.board)),
        control: docOf(await storage.load(rooms.control)),
        facilitator: docOf(await storage.load(rooms.facilitator)),
      }
      for (const [kind, doc] of Object.entries(docs)) {
        upgradeDoc(doc, kind as 'board', 'fixture')
        expect(readVersion(doc)).toBe(SCHEMA_VERSION)
      }
      // every session stores its languages now (one made before two languages did not)
      expect(sessionMapOf(docs.control).get('langs')).toEqual(want.langs)
      expectCurrentObjects(docs.board)
      const { private: mine, ...wanted } = want
      expect(snapshotSummary(docs.board, docs.control, docs.facilitator)).toEqual(wanted)
      const own = docOf(await storage.load(mine.room))
      upgradeDoc(own, parseRoom(mine.room)!.kind, 'fixture')
      expect(readObject(mine.note, objectsOf(own).get(mine.note)).ok).toBe(true)
      expect(own.getMap('votes').get(mine.note)).toBe(mine.votes)
      expect(await storage.listPeople(id)).toHaveLength(1)
    }
    const db = new Database(join(dataDir, 'whiteboard.sqlite'), { readonly: true })
    onTestFinished(() => void db.close())
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_STEPS.at(-1)!.version)
  })

  it('its JSON export imports into this version, migrated, with the same content', () => {
    const json = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as unknown
    const docs = buildDocsFromExport(parseExport(json))
    const board = docOf([docs.board])
    const control = docOf([docs.control])
    const facilitator = docOf([docs.facilitator])
    for (const doc of [board, control, facilitator]) expect(readVersion(doc)).toBe(SCHEMA_VERSION)
    expectCurrentObjects(board)
    const today = Object.values(expected.sessions)[0]!
    const got = snapshotSummary(board, control, facilitator)
    // an export carries what its readers may see: the objects, their text and props, kept as they were
    expect(got.objects).toEqual(today.objects)
    expect([got.title, got.langs, got.commitments, got.canvases]).toEqual([
      today.title,
      today.langs,
      today.commitments,
      today.canvases,
    ])
  })
})
