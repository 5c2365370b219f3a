import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { readCommitments } from '../../shared/schema/controlDoc'
import { controlRoom } from '../../shared/rooms'
import { noteTexts } from '../helpers/board'
import { harness, type Harness } from '../helpers/harness'
import { refusedUpgrade } from '../helpers/raw'
import { createSession, synced, type Client } from '../helpers/server'

const fay = createOrigin('u-fay', 'Fay')
const pat = createOrigin('u-pat', 'Pat')
const TEMPLATE_IDS = ['sense-making', 'collage', 'recipe-wall', 'flipchart']

/** POSTs a body to /api/sessions with the given content type. */
const post = (h: Harness, body: BodyInit, contentType = 'application/json'): Promise<Response> =>
  fetch(`${h.server.http}/api/sessions`, { method: 'POST', headers: { 'content-type': contentType }, body })

/** Expects a 4xx answer with a JSON `{error}` that says something. */
async function expectError(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await res.json()) as { error?: unknown }
  expect(body).toEqual({ error: expect.any(String) })
  expect(String(body.error).length).toBeGreaterThan(0)
  return String(body.error)
}

/** Reads one sample's value from Prometheus text (the first line with exactly this name). */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
  if (line === undefined) throw new Error(`no sample ${name} in:\n${text}`)
  return Number(line.slice(line.lastIndexOf(' ') + 1))
}

const metrics = async (h: Harness): Promise<string> => (await fetch(`${h.server.http}/metrics`)).text()

describe('HTTP API', () => {
  it('GET /healthz is 200 {"ok":true}', async () => {
    const h = await harness()
    const res = await fetch(`${h.server.http}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('GET /api/templates lists the four templates with a title and description', async () => {
    const h = await harness()
    const res = await fetch(`${h.server.http}/api/templates`)
    expect(res.status).toBe(200)
    const templates = (await res.json()) as { id: string; title: unknown; description: unknown }[]
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(TEMPLATE_IDS))
    for (const t of templates) {
      expect(t).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        description: expect.any(String),
      })
      expect(String(t.title).length).toBeGreaterThan(0)
      expect(String(t.description).length).toBeGreaterThan(0)
    }
  })

  it('POST /api/sessions creates a session from each template with a link per role', async () => {
    const h = await harness()
    for (const template of TEMPLATE_IDS) {
      const res = await post(h, JSON.stringify({ template, title: `A ${template} session` }))
      expect(res.status).toBe(201)
      const body = (await res.json()) as { id: string; links: Record<string, string> }
      expect(Object.keys(body.links).sort()).toEqual(['facilitator', 'participant', 'viewer'])
      for (const link of Object.values(body.links)) {
        expect(link).toMatch(new RegExp(`^/s/${body.id}\\?key=[A-Za-z0-9_-]{22,}$`))
      }
      const key = new URL(body.links.participant ?? '', 'http://x').searchParams.get('key')
      const info = await fetch(`${h.server.http}/api/sessions/${body.id}?key=${key}`)
      expect(await info.json()).toEqual({
        id: body.id,
        title: `A ${template} session`,
        template,
        role: 'participant',
      })
    }
  })

  it('refuses bad session bodies with 4xx and a JSON error, creating nothing', async () => {
    const h = await harness()
    await expectError(await post(h, '{"template": "collage",'), 400)
    await expectError(await post(h, JSON.stringify({ template: 'collage' }), 'text/plain'), 415)
    expect(await expectError(await post(h, JSON.stringify({ template: 'no-such-template' })), 400)).toMatch(
      /template/,
    )
    expect(
      await expectError(await post(h, JSON.stringify({ template: 'collage', title: 'x'.repeat(201) })), 400),
    ).toMatch(/title/)
    await expectError(await post(h, JSON.stringify({ template: 'collage', title: 42 })), 400)
    await expectError(await post(h, JSON.stringify({ title: 'no template' })), 400)
    await expectError(await post(h, JSON.stringify(['collage'])), 400)
    const huge = JSON.stringify({ template: 'collage', title: 'x', padding: 'y'.repeat(64 * 1024) })
    await expectError(await post(h, huge), 413)
    // the same without a content-length: the cap holds while the body streams in
    const chunks = [huge.slice(0, 8192), huge.slice(8192)]
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(next))
      },
    })
    const streamed = await fetch(`${h.server.http}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    await expectError(streamed, 413)

    expect(sample(await metrics(h), 'whiteboard_sessions_created_total')).toBe(0)
    // a title of exactly the limit is fine
    expect((await post(h, JSON.stringify({ template: 'collage', title: 'x'.repeat(200) }))).status).toBe(201)
    expect(sample(await metrics(h), 'whiteboard_sessions_created_total')).toBe(1)
  })

  it('GET /api/sessions/<id> gives the role of each key; 403 for a wrong key, 404 for an unknown id', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http, 'flipchart', 'Roles')
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const res = await fetch(`${h.server.http}/api/sessions/${id}?key=${keys[role]}`)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ id, title: 'Roles', template: 'flipchart', role })
    }
    await expectError(await fetch(`${h.server.http}/api/sessions/${id}?key=${'B'.repeat(43)}`), 403)
    await expectError(await fetch(`${h.server.http}/api/sessions/${id}?key=short`), 403)
    await expectError(await fetch(`${h.server.http}/api/sessions/${id}`), 403)
    await expectError(
      await fetch(`${h.server.http}/api/sessions/${'C'.repeat(22)}?key=${keys.facilitator}`),
      404,
    )
    await expectError(await fetch(`${h.server.http}/api/sessions/not-an-id?key=${keys.facilitator}`), 404)
  })

  it('an unknown /api path is a 404 with a JSON error', async () => {
    const h = await harness()
    await expectError(await fetch(`${h.server.http}/api/nothing-here`), 404)
    await expectError(await fetch(`${h.server.http}/api/sessions/x/y/z`), 404)
  })
})

describe('DELETE /api/sessions/<id>', () => {
  it('is refused for a participant key, and the session carries on', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const a = h.open(id, keys.participant)
    await synced(a)
    const res = await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.participant}`, {
      method: 'DELETE',
    })
    await expectError(res, 403)
    await expectError(
      await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.viewer}`, { method: 'DELETE' }),
      403,
    )

    expect((await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.facilitator}`)).status).toBe(200)
    const b = h.open(id, keys.viewer)
    await synced(b)
    addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'still here' }, pat)
    await expect.poll(() => noteTexts(b.doc)).toEqual(['still here'])
    expect(a.provider.wsconnected).toBe(true)
  })

  it('with the facilitator key is 204, and every trace of the session is gone', async () => {
    const h = await harness()
    const { id, keys } = await createSession(h.server.http)
    const other = await createSession(h.server.http)
    const board = h.open(id, keys.participant)
    const control = h.open(controlRoom(id), keys.facilitator)
    const bystander = h.open(other.id, other.keys.participant)
    await Promise.all([synced(board), synced(control), synced(bystander)])
    expect(readCommitments(control.doc).length).toBeGreaterThan(0)
    addObject(board.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'to be deleted' }, fay)
    await expect.poll(async () => (await h.server.storage.load(id)).length).toBeGreaterThan(1)

    const closes: number[] = []
    const errors = { count: 0 }
    let connectedAgain = 0
    for (const c of [board, control] as Client[]) {
      c.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0))
      c.provider.on('connection-error', () => errors.count++)
      c.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected') connectedAgain++
      })
    }

    const res = await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.facilitator}`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    await expect.poll(() => closes.length).toBe(2)
    // a 44xx close tells the stock client the end is permanent, so it stops retrying by itself
    expect(closes.every((code) => code >= 4400 && code < 4500)).toBe(true)
    expect(board.provider.wsconnected).toBe(false)
    expect(control.provider.wsconnected).toBe(false)

    for (const key of Object.values(keys)) {
      await expectError(await fetch(`${h.server.http}/api/sessions/${id}?key=${key}`), 404)
      expect((await refusedUpgrade(`${h.server.ws}/${id}?key=${key}`)).status).toBe(404)
      expect((await refusedUpgrade(`${h.server.ws}/${controlRoom(id)}?key=${key}`)).status).toBe(404)
    }
    // the stock client asked to reconnect is refused too, and nothing comes back into storage
    board.provider.connect()
    control.provider.connect()
    await expect.poll(() => errors.count).toBeGreaterThanOrEqual(4)
    expect(connectedAgain).toBe(0)
    expect(await h.server.storage.load(id)).toEqual([])
    expect(await h.server.storage.load(controlRoom(id))).toEqual([])
    await expectError(
      await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.facilitator}`, { method: 'DELETE' }),
      404,
    )

    // the other session is untouched
    expect(bystander.provider.wsconnected).toBe(true)
    expect((await h.server.storage.load(other.id)).length).toBeGreaterThan(0)
    await h.restart()
    expect(await h.server.storage.load(id)).toEqual([])
    expect((await fetch(`${h.server.http}/api/sessions/${id}?key=${keys.facilitator}`)).status).toBe(404)
    expect((await fetch(`${h.server.http}/api/sessions/${other.id}?key=${other.keys.viewer}`)).status).toBe(
      200,
    )
  })
})

describe('GET /metrics', () => {
  it('is Prometheus text whose relay gauges and counters follow what happens', async () => {
    const h = await harness()
    const res = await fetch(`${h.server.http}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    for (const name of [
      'whiteboard_rooms_open',
      'whiteboard_connections_open',
      'whiteboard_updates_relayed_total',
      'whiteboard_storage_append_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `)
    }
    expect(sample(text, 'whiteboard_rooms_open')).toBe(0)
    expect(sample(text, 'whiteboard_connections_open')).toBe(0)
    expect(sample(text, 'whiteboard_updates_relayed_total')).toBe(0)

    const { id, keys } = await createSession(h.server.http)
    const a = h.open(id, keys.participant)
    const b = h.open(id, keys.facilitator)
    await Promise.all([synced(a), synced(b)])
    await expect.poll(async () => sample(await metrics(h), 'whiteboard_connections_open')).toBe(2)
    expect(sample(await metrics(h), 'whiteboard_rooms_open')).toBe(2) // the board, and its control room held open for the lock state

    addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'counted' }, pat)
    await expect.poll(() => noteTexts(b.doc)).toEqual(['counted'])
    const after = await metrics(h)
    expect(sample(after, 'whiteboard_updates_relayed_total')).toBeGreaterThanOrEqual(1)
    expect(sample(after, 'whiteboard_storage_append_seconds_count')).toBeGreaterThanOrEqual(1)

    // a connection the server closes for bad input is counted out once
    const raw = h.raw(id, keys.participant)
    await raw.opened
    await expect.poll(async () => sample(await metrics(h), 'whiteboard_connections_open')).toBe(3)
    raw.ws.send('text is not allowed')
    expect((await raw.closed).code).toBe(1003)
    await expect.poll(async () => sample(await metrics(h), 'whiteboard_connections_open')).toBe(2)
    expect(sample(await metrics(h), 'whiteboard_messages_dropped_total{reason="text-frame"}')).toBe(1)

    a.destroy()
    b.destroy()
    // the room unloads only after its last peer has left: by then every close has been counted
    await expect.poll(async () => sample(await metrics(h), 'whiteboard_rooms_open')).toBe(0)
    expect(sample(await metrics(h), 'whiteboard_connections_open')).toBe(0)
  })
})
