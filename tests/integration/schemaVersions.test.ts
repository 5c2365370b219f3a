import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { metaOf, objectsOf } from '../../shared/schema/boardDoc'
import { sessionMapOf } from '../../shared/schema/controlDoc'
import { SCHEMA_CLOSE, SCHEMA_PARAM } from '../../shared/schema/handshake'
import { SCHEMA_VERSION, readVersion } from '../../shared/schema/migrations'
import { docFromUpdates } from '../../shared/export/snapshot'
import { connect, createSession, startServer, synced, type Client } from '../helpers/server'

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'schema-1')
const fixtureKeys = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')).keys as Record<
  'facilitator' | 'participant',
  string
>
const OLDER = 'FixtureSessionOlder000'

/** Resolves with the close event the server ends a provider's first connection with. */
function firstClose(client: Client): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason })
    })
  })
}

/** Opens a raw socket and resolves with how it ends: a close code and reason, or an HTTP status. */
function rawJoin(url: string): Promise<{ code?: number; reason?: string; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode })
      ws.terminate()
    })
    ws.on('error', () => {})
  })
}

async function fixtureServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-fixture-'))
  cpSync(join(FIXTURE, 'stored'), dataDir, { recursive: true })
  const server = await startServer({ dataDir })
  onTestFinished(() => server.close())
  return server
}

describe('a stored board from schema 1 on this server', () => {
  it('is upgraded when the room loads, stored before anyone sees it, for the stock client too', async () => {
    const server = await fixtureServer()
    // before: as the fixture stored it, a control room without languages and never stamped
    const before = docFromUpdates(await server.storage.load(controlRoom(OLDER)))
    expect([readVersion(before), sessionMapOf(before).has('langs')]).toEqual([0, false])

    // the stock y-websocket client, no schema parameter (as CONTRACT.md promises)
    const control = connect(server.ws, controlRoom(OLDER), fixtureKeys.facilitator)
    const board = connect(server.ws, OLDER, fixtureKeys.participant, new Y.Doc(), {
      [SCHEMA_PARAM]: String(SCHEMA_VERSION),
    })
    onTestFinished(() => [control, board].forEach((c) => c.destroy()))
    await Promise.all([synced(control), synced(board)])
    // the first sync already holds the upgrade: no client saw the old shape
    expect(sessionMapOf(control.doc).get('langs')).toEqual(['en'])
    expect(readVersion(control.doc)).toBe(SCHEMA_VERSION)
    expect(metaOf(board.doc).get('version')).toBe(SCHEMA_VERSION)
    expect(objectsOf(board.doc).size).toBe(15)

    // durable: storage alone (no upgrade run on it) now reads upgraded
    const stored = docFromUpdates(await server.storage.load(controlRoom(OLDER)))
    expect([readVersion(stored), sessionMapOf(stored).get('langs')]).toEqual([SCHEMA_VERSION, ['en']])
  })

  it('refuses to open a document stored by a newer server, saying so, and keeps it as it is', async () => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const s = await createSession(server.http)
    // a newer server's stamp, written over the stored one
    const newer = docFromUpdates(await server.storage.load(s.id))
    const known = Y.encodeStateVector(newer)
    metaOf(newer).set('version', SCHEMA_VERSION + 5)
    await server.storage.append([{ room: s.id, update: Y.encodeStateAsUpdate(newer, known) }])
    const rowsBefore = (await server.storage.load(s.id)).length
    const result = await rawJoin(`${server.ws}/${s.id}?key=${s.keys.participant}`)
    expect(result.code).toBe(1011)
    expect(result.reason).toMatch(/newer than this server/)
    expect((await server.storage.load(s.id)).length).toBe(rowsBefore)
  })
})

describe('the version handshake', () => {
  it('an older page is closed with 4426 and a reason; its unsent note stays with it and is carried after the reload', async () => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const s = await createSession(server.http)
    const ann = createOrigin('ann', 'Ann')
    // a tab opened before the deploy: it wrote a note while the server was down
    const old = connect(server.ws, s.id, s.keys.participant, new Y.Doc(), {
      [SCHEMA_PARAM]: String(SCHEMA_VERSION - 1),
    })
    onTestFinished(() => old.destroy())
    const note = addObject(old.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'Unsent' }, ann)
    const closed = await firstClose(old)
    expect(closed.code).toBe(SCHEMA_CLOSE.reload)
    expect(closed.reason).toMatch(/^reload/)
    // refused before anything was applied or stored; the stock client does not retry (4400–4499)
    expect(objectsOf(docFromUpdates(await server.storage.load(s.id))).has(note)).toBe(false)
    expect(old.provider.shouldConnect).toBe(false)
    // nothing lost: the tab still holds it, and the reloaded page (this version) sends it
    expect(objectsOf(old.doc).has(note)).toBe(true)
    const reloaded = connect(server.ws, s.id, s.keys.participant, new Y.Doc(), {
      [SCHEMA_PARAM]: String(SCHEMA_VERSION),
    })
    onTestFinished(() => reloaded.destroy())
    await synced(reloaded)
    Y.applyUpdate(reloaded.doc, Y.encodeStateAsUpdate(old.doc, Y.encodeStateVector(reloaded.doc)))
    await expect
      .poll(async () => objectsOf(docFromUpdates(await server.storage.load(s.id))).has(note))
      .toBe(true)
  })

  it('a newer page is refused with 4406 and a reason, and no room is opened', async () => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const s = await createSession(server.http)
    const result = await rawJoin(
      `${server.ws}/${s.id}?key=${s.keys.participant}&${SCHEMA_PARAM}=${SCHEMA_VERSION + 1}`,
    )
    expect(result.code).toBe(SCHEMA_CLOSE.tooNew)
    expect(result.reason).toMatch(/newer than the server/)
    expect(server.app.relay.openRooms).toBe(0)
  })

  it.each([
    ['garbage', 'abc'],
    ['negative', '-1'],
    ['huge', '9'.repeat(400)],
    ['fraction', '1.5'],
    ['empty', ''],
    ['twice', `${SCHEMA_VERSION}&${SCHEMA_PARAM}=${SCHEMA_VERSION}`],
  ])('raw socket with a %s version: closed with 4400, nothing opened, others carry on', async (_l, v) => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const s = await createSession(server.http)
    const result = await rawJoin(`${server.ws}/${s.id}?key=${s.keys.participant}&${SCHEMA_PARAM}=${v}`)
    expect(result.code).toBe(SCHEMA_CLOSE.malformed)
    expect(result.reason).toBe('schema must be one whole number')
    expect(server.app.relay.openRooms).toBe(0)
    const fine = connect(server.ws, s.id, s.keys.participant, new Y.Doc(), {
      [SCHEMA_PARAM]: String(SCHEMA_VERSION),
    })
    onTestFinished(() => fine.destroy())
    await synced(fine)
  })

  it('a wrong key is still refused first (403), whatever the version says', async () => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const s = await createSession(server.http)
    const result = await rawJoin(`${server.ws}/${s.id}?key=wrong-key-000000000&${SCHEMA_PARAM}=abc`)
    expect(result.status).toBe(403)
  })
})

describe('exports across versions', () => {
  const post = (http: string, body: unknown) =>
    fetch(`${http}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const exportOf = async (http: string, id: string, key: string) =>
    (await (await fetch(`${http}/api/sessions/${id}/export?format=json&key=${key}`)).json()) as Record<
      string,
      unknown
    > & { objects: Record<string, unknown>[] }

  it('an export carries the schema version, per object too, and imports into the same version unchanged', async () => {
    const server = await fixtureServer()
    const first = await exportOf(server.http, 'FixtureSessionToday000', fixtureKeys.facilitator)
    expect(first.schemaVersion).toBe(SCHEMA_VERSION)
    expect(first.objects.length).toBeGreaterThan(5)
    for (const o of first.objects) expect(o.v).toEqual(expect.any(Number))
    const res = await post(server.http, first)
    expect(res.status).toBe(201)
    const copy = (await res.json()) as { id: string; links: { facilitator: string } }
    const key = new URL(copy.links.facilitator, 'http://x').searchParams.get('key')!
    const again = await exportOf(server.http, copy.id, key)
    const content = (e: typeof first) => ({ ...e, exportedAt: null, session: null })
    expect(content(again)).toEqual(content(first))
  })

  it('the export of schema 1 (no versions in it) imports and is migrated', async () => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const json = JSON.parse(readFileSync(join(FIXTURE, 'export.json'), 'utf8')) as Record<string, unknown>
    expect(json.schemaVersion).toBeUndefined()
    const res = await post(server.http, json)
    expect(res.status).toBe(201)
    const copy = (await res.json()) as { id: string; links: { facilitator: string } }
    const key = new URL(copy.links.facilitator, 'http://x').searchParams.get('key')!
    const now = await exportOf(server.http, copy.id, key)
    expect(now.schemaVersion).toBe(SCHEMA_VERSION)
    const kept = (o: Record<string, unknown>) => [o.id, o.kind, o.props, o.richText]
    // every object it held, but those withheld or hidden: an export leaves those in the room
    const mayLeave = (json.objects as Record<string, unknown>[]).filter(
      (o) => o.consent !== false && !o.hidden,
    )
    expect(mayLeave.length).toBeLessThan((json.objects as unknown[]).length)
    expect(now.objects.map(kept)).toEqual(mayLeave.map(kept))
  })

  it.each([
    [
      'the export',
      (e: Record<string, unknown>) => void (e.schemaVersion = SCHEMA_VERSION + 1),
      /schema version/,
    ],
    [
      'an object',
      (e: Record<string, unknown>) => void ((e.objects as Record<string, unknown>[])[0]!.v = 999),
      /frame version 999, newer than this server reads/,
    ],
  ])('a later version in %s is refused with 422 and a clear message', async (_what, change, message) => {
    const server = await startServer()
    onTestFinished(() => server.close())
    const json = JSON.parse(readFileSync(join(FIXTURE, 'export.json'), 'utf8')) as Record<string, unknown>
    change(json)
    const res = await post(server.http, json)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: string }
    expect(body.error).toMatch(message)
    expect(body.error).toMatch(/update the server/)
  })
})
