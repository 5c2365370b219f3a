import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import * as decoding from 'lib0/decoding'
import { boardRoom } from '../../shared/rooms'
import { SCHEMA_VERSION } from '../../shared/schema/migrations'
import { harness, type Harness } from '../helpers/harness'
import { createSession, joinSession, synced, type CreatedSession } from '../helpers/server'
import { noteTexts } from '../helpers/board'
import { syncStep1Frame } from '../helpers/raw'

const ada = createOrigin('u-ada', 'Ada')

/** GET /api/sessions/<id>/board with the given query (schema added unless given) and headers. */
function fetchBoard(
  h: Harness,
  id: string,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const params = new URLSearchParams({ schema: String(SCHEMA_VERSION), ...query })
  return fetch(`${h.server.http}/api/sessions/${encodeURIComponent(id)}/board?${params}`, { headers })
}

/** A board with two notes on it, written by a stock client and stored. */
async function boardWithNotes(h: Harness, s: CreatedSession): Promise<void> {
  const writer = h.open(boardRoom(s.id), s.keys.participant)
  await synced(writer)
  addObject(writer.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'first' }, ada)
  addObject(writer.doc, { kind: 'sticky', canvas: 'c1', x: 200, y: 0, text: '第二' }, ada)
  const reader = h.open(boardRoom(s.id), s.keys.viewer)
  await expect.poll(async () => (await synced(reader), noteTexts(reader.doc))).toEqual(['first', '第二'])
}

const docOf = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('the board fetched ahead over HTTP (while the person reads the join page)', () => {
  it('is the stored board, compressed as the browser accepts, never cached; a viewer may read it too', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    await boardWithNotes(h, s)
    for (const accept of ['br, gzip', 'gzip', 'identity']) {
      const res = await fetchBoard(h, s.id, { key: s.keys.viewer }, { 'accept-encoding': accept })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('content-type')).toBe('application/octet-stream')
      // what came over the wire is compressed as asked; fetch() unpacks it
      expect(res.headers.get('content-encoding')).toBe(accept === 'identity' ? null : accept.split(',')[0])
      const body = new Uint8Array(await res.arrayBuffer())
      expect(noteTexts(docOf(body))).toEqual(['first', '第二'])
    }
  })

  it('answers what the websocket would: wrong or made-up keys and tokens, an unknown session, the lobby', async () => {
    const h = await harness()
    const s = await createSession(h.server.http, 'sense-making', 'Ahead', { admit: true })
    const err = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown })
    expect(await err(await fetchBoard(h, s.id, { key: 'made-up-key' }))).toMatchObject({ status: 403 })
    expect(
      await err(await fetchBoard(h, s.id, { key: s.keys.participant, token: 'x'.repeat(43) })),
    ).toMatchObject({
      status: 403,
    })
    expect((await fetchBoard(h, 'AAAAAAAAAAAAAAAAAAAAAA', { key: s.keys.participant })).status).toBe(404)
    expect((await fetchBoard(h, '../../etc', { key: s.keys.participant })).status).toBe(404)
    // the session admits people: a participant key alone, or someone still waiting, gets no board
    expect(await err(await fetchBoard(h, s.id, { key: s.keys.participant }))).toEqual({
      status: 403,
      body: { error: 'this session admits people: join first' },
    })
    const wes = await joinSession(h.server.http, s.id, s.keys.participant, 'Wes')
    expect(wes.status).toBe('waiting')
    expect(await err(await fetchBoard(h, s.id, { key: s.keys.participant, token: wes.token }))).toMatchObject(
      {
        status: 403,
      },
    )
    // a facilitator (key or token) reads it
    expect((await fetchBoard(h, s.id, { key: s.keys.facilitator })).status).toBe(200)
  })

  it('only for a page of this schema: missing, malformed, older and newer versions are refused', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const url = (schema: string | null) =>
      `${h.server.http}/api/sessions/${s.id}/board?key=${s.keys.participant}${schema === null ? '' : `&schema=${schema}`}`
    expect((await fetch(url(null))).status).toBe(400)
    expect((await fetch(url('abc'))).status).toBe(400)
    expect((await fetch(`${url(String(SCHEMA_VERSION))}&schema=${SCHEMA_VERSION}`)).status).toBe(400)
    expect((await fetch(url('1e9'))).status).toBe(400)
    expect(await (await fetch(url(String(SCHEMA_VERSION - 1)))).json()).toEqual({
      error: `reload: this page speaks schema ${SCHEMA_VERSION - 1}, the server ${SCHEMA_VERSION}`,
    })
    expect((await fetch(url(String(SCHEMA_VERSION + 1)))).status).toBe(409)
    expect((await fetch(url(String(SCHEMA_VERSION)))).status).toBe(200)
  })

  it('is only the board: other rooms are not served this way, and nothing is created for an unknown room', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    const fay = await joinSession(h.server.http, s.id, s.keys.facilitator, 'Fay')
    for (const path of ['control', 'facilitator', `private/${'A'.repeat(43)}`, 'board/x']) {
      const res = await fetch(
        `${h.server.http}/api/sessions/${s.id}/${path}?key=${s.keys.participant}&schema=${SCHEMA_VERSION}`,
      )
      expect(res.status).toBe(404)
    }
    // the board is not kept open by a read
    const before = h.server.app.relay.openRooms
    expect((await fetchBoard(h, s.id, { token: fay.token })).status).toBe(200)
    await expect.poll(() => h.server.app.relay.openRooms).toBe(before)
    // a deleted session's board is gone
    const del = await fetch(`${h.server.http}/api/sessions/${s.id}?key=${s.keys.facilitator}`, {
      method: 'DELETE',
    })
    expect(del.status).toBe(204)
    expect((await fetchBoard(h, s.id, { key: s.keys.facilitator })).status).toBe(404)
  })

  it('a page that opens the room holding the fetched board gets only what changed since in its first sync', async () => {
    const h = await harness()
    const s = await createSession(h.server.http)
    await boardWithNotes(h, s)
    const ahead = docOf(
      new Uint8Array(await (await fetchBoard(h, s.id, { key: s.keys.participant })).arrayBuffer()),
    )
    const writer = h.open(boardRoom(s.id), s.keys.participant)
    await synced(writer)
    addObject(writer.doc, { kind: 'sticky', canvas: 'c1', x: 400, y: 0, text: 'third' }, ada)
    const whole = Y.encodeStateAsUpdate(writer.doc).byteLength
    // the page's first message: "this is what I hold"; the answer is the third note alone
    const raw = h.raw(boardRoom(s.id), s.keys.participant)
    await raw.opened
    raw.ws.send(syncStep1Frame(Y.encodeStateVector(ahead)))
    const answer = async () => {
      for (const message of raw.received) {
        const d = decoding.createDecoder(message)
        if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 1) continue
        return decoding.readVarUint8Array(d)
      }
      return null
    }
    await expect.poll(answer).not.toBeNull()
    const diff = (await answer())!
    Y.applyUpdate(ahead, diff)
    expect(noteTexts(ahead)).toEqual(['first', 'third', '第二'])
    expect(diff.byteLength).toBeLessThan(whole / 2)
  })
})
