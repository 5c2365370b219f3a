import { request } from 'node:http'
import sharp from 'sharp'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DEFAULT_GUARD, type GuardLimits } from '../../server/guard/guard'
import type { UploadLimits } from '../../server/uploads/uploadLimits'
import { createSession, postSession, startServer, type TestServer } from '../helpers/server'

async function serverWith(guard: Partial<GuardLimits>, uploadLimits?: UploadLimits): Promise<TestServer> {
  const server = await startServer({ guard, uploadLimits })
  onTestFinished(() => server.close())
  return server
}

/** Checks a refusal: 429, nosniff, a JSON error saying why, and a Retry-After in whole seconds. */
async function expectTooMany(res: Response, message: RegExp, maxRetry = 3600): Promise<void> {
  expect(res.status).toBe(429)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(((await res.json()) as { error: string }).error).toMatch(message)
  const retry = Number(res.headers.get('retry-after'))
  expect(Number.isInteger(retry) && retry >= 1 && retry <= maxRetry).toBe(true)
}

const healthy = async (server: TestServer): Promise<boolean> =>
  (await fetch(`${server.http}/healthz`)).status === 200

/** A session's JSON export, as the facilitator downloads it. */
async function exportOf(server: TestServer): Promise<Record<string, unknown>> {
  const s = await createSession(server.http)
  const res = await fetch(`${server.http}/api/sessions/${s.id}/export?format=json&key=${s.keys.facilitator}`)
  return (await res.json()) as Record<string, unknown>
}

const postImport = (server: TestServer, body: unknown) =>
  fetch(`${server.http}/api/sessions/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('session creation per address', () => {
  it('lets a facilitator start a few sessions, and holds a script of 1,000 at the default limit', async () => {
    const server = await serverWith(DEFAULT_GUARD)
    for (let i = 0; i < 5; i++) await createSession(server.http, 'sense-making', `Workshop ${i}`)
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () => postSession(server.http, { template: 'flipchart', title: 'x' })),
    )
    const created = answers.filter((r) => r.status === 201).length
    // 60 an hour in all: the five above and at most 55 (and a trickle of refill) of the thousand
    expect(created).toBeGreaterThan(0)
    expect(created).toBeLessThanOrEqual(DEFAULT_GUARD.sessions.count - 5 + 1)
    expect(answers.every((r) => r.status === 201 || r.status === 429)).toBe(true)
    const refused = answers.find((r) => r.status === 429)!
    await expectTooMany(refused, /too many (new sessions|requests at once) from your address/)
    await Promise.all(answers.filter((r) => r !== refused).map((r) => r.body?.cancel()))
    expect(await healthy(server)).toBe(true)
  })

  it('says how long to wait, in the answer and in Retry-After', async () => {
    const server = await serverWith({ sessions: { count: 2, perSeconds: 600 } })
    await createSession(server.http)
    await createSession(server.http)
    const third = await postSession(server.http, { template: 'sense-making', title: 'Third' })
    await expectTooMany(third, /too many new sessions from your address \(at most 2 per 10 minutes\)/, 300)
  })
})

describe('imports', () => {
  it('are rate-limited per address', async () => {
    const server = await serverWith({ imports: { count: 2, perSeconds: 3600 } })
    const exported = await exportOf(server)
    expect((await postImport(server, exported)).status).toBe(201)
    expect((await postImport(server, exported)).status).toBe(201)
    await expectTooMany(await postImport(server, exported), /too many imports from your address/)
  })

  it('are refused with 413 as soon as they pass the size cap, without reading the rest', async () => {
    const server = await serverWith({ importMaxBytes: 1024 * 1024 })
    // declared too large: refused before a byte of the body is read
    const declared = await postImport(server, { padding: 'x'.repeat(2 * 1024 * 1024) })
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as { error: string }).error).toMatch(
      /the export is larger than 1048576 bytes/,
    )

    // streamed without a length, forever: the server answers 413 and closes after about a MiB
    const { port } = new URL(server.http)
    const outcome = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/sessions/import',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      })
      let sent = 0
      let answered = false
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const pump = (): void => {
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
      }
      req.on('response', (res) => {
        answered = true
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }))
      })
      req.on('error', (err) => (answered ? undefined : reject(err)))
      pump()
    })
    expect(outcome.status).toBe(413)
    expect(outcome.body).toMatch(/larger than 1048576 bytes/)
    // what the client managed to push before the answer: socket buffers, not the 64 MiB it had
    expect(outcome.sent).toBeLessThan(16 * 1024 * 1024)
    expect(await healthy(server)).toBe(true)
  })

  it('put every image through the upload checks: type, size, display copy, and the address’s budget', async () => {
    const server = await serverWith(
      {},
      {
        perKey: { uploads: 60, bytes: 100 * 1024 * 1024 },
        perIp: { uploads: 3, bytes: 400 * 1024 * 1024 },
      },
    )
    const exported = await exportOf(server)
    const image = async (width: number, color: string) => {
      const bytes = await sharp({ create: { width, height: 100, channels: 3, background: color } })
        .png()
        .toBuffer()
      const { createHash } = await import('node:crypto')
      return [
        createHash('sha256').update(bytes).digest('hex'),
        { mime: 'image/png', data: bytes.toString('base64') },
      ] as const
    }
    // a file that lies about its type is refused like an upload
    const [fakeSrc] = await image(10, '#ff0000')
    const lying = await postImport(server, {
      ...exported,
      images: { [fakeSrc]: { mime: 'image/png', data: Buffer.from('GIF89a-not-really').toString('base64') } },
    })
    expect(lying.status).toBe(400)
    expect(((await lying.json()) as { error: string }).error).toMatch(
      /an image in the export: the file says it is image\/png but its content is image\/gif/,
    )

    // a huge image gets its display copy, as an upload would
    const [wideSrc, wide] = await image(3000, '#00aa00')
    const imported = await postImport(server, { ...exported, images: { [wideSrc]: wide } })
    expect(imported.status).toBe(201)
    const made = (await imported.json()) as { id: string; links: { facilitator: string } }
    const key = new URL(made.links.facilitator, 'http://x').searchParams.get('key')
    const display = await fetch(
      `${server.http}/api/sessions/${made.id}/images/${wideSrc}?key=${key}&display=1`,
    )
    expect(display.headers.get('content-type')).toBe('image/webp')
    const meta = await sharp(Buffer.from(await display.arrayBuffer())).metadata()
    expect(meta.width).toBe(2048)

    // three images against an address budget of three uploads, one of which is spent: 429
    const three = Object.fromEntries(
      await Promise.all(['#111111', '#222222', '#333333'].map((c) => image(20, c))),
    )
    await expectTooMany(
      await postImport(server, { ...exported, images: three }),
      /uploads from this address/,
      60,
    )
  })
})
