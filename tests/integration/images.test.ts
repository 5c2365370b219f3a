import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSession, startServer, type CreatedSession, type TestServer } from '../helpers/server'

const png = (w: number, h: number): Promise<Buffer> =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer()

describe('image uploads', () => {
  let server: TestServer
  let session: CreatedSession
  beforeEach(async () => {
    server = await startServer()
    session = await createSession(server.http)
  })
  afterEach(() => server.close())

  const upload = (bytes: Buffer, type = 'application/octet-stream', key = session.keys.participant) =>
    fetch(`${server.http}/api/sessions/${session.id}/images?key=${key}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(bytes),
    })
  const stored = (): string[] => {
    const dir = join(server.dataDir, 'uploads', session.id)
    return existsSync(dir) ? readdirSync(dir) : []
  }

  it('stores PNG, JPEG, WebP and GIF by content hash and serves them back', async () => {
    const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#cc3366' } })
    const files: [Buffer, string][] = [
      [await png(40, 30), 'image/png'],
      [await base.clone().jpeg().toBuffer(), 'image/jpeg'],
      [await base.clone().webp().toBuffer(), 'image/webp'],
      [await base.clone().gif().toBuffer(), 'image/gif'],
    ]
    for (const [bytes, mime] of files) {
      const res = await upload(bytes, mime)
      expect(res.status).toBe(201)
      const body = (await res.json()) as { src: string; mime: string; width: number; height: number }
      expect(body).toMatchObject({ mime, width: 40, height: 30 })
      expect(body.src).toMatch(/^[a-f0-9]{64}$/)
      const back = await fetch(
        `${server.http}/api/sessions/${session.id}/images/${body.src}?key=${session.keys.viewer}`,
      )
      expect(back.status).toBe(200)
      expect(back.headers.get('content-type')).toBe(mime)
      expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true)
    }
    expect(stored()).toHaveLength(4)
    // the same bytes again are stored once
    expect((await upload(files[0]![0], 'image/png')).status).toBe(201)
    expect(stored()).toHaveLength(4)
  })

  it('keeps a downscaled copy of huge images for display', async () => {
    const res = await upload(await png(4000, 1000), 'image/png')
    const { src, width } = (await res.json()) as { src: string; width: number }
    expect(width).toBe(4000)
    const display = await fetch(
      `${server.http}/api/sessions/${session.id}/images/${src}?key=${session.keys.viewer}&display=1`,
    )
    expect(display.headers.get('content-type')).toBe('image/webp')
    const meta = await sharp(Buffer.from(await display.arrayBuffer())).metadata()
    expect(meta.width).toBe(2048)
  })

  it.each([
    [
      'SVG',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image/svg+xml',
      415,
      /PNG, JPEG/,
    ],
    ['a text file named .png', () => Buffer.from('hello, not an image'), 'image/png', 415, /PNG, JPEG/],
    ['an empty file', () => Buffer.alloc(0), 'image/png', 400, /empty/],
  ] as const)(
    'refuses %s with a clear error and stores nothing',
    async (_name, make, type, status, message) => {
      const res = await upload(make(), type)
      expect(res.status).toBe(status)
      expect(((await res.json()) as { error: string }).error).toMatch(message)
      expect(stored()).toEqual([])
    },
  )

  it('refuses a truncated file, bytes that lie about their type, and files over 10 MiB', async () => {
    const full = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer()
    const truncated = await upload(full.subarray(0, Math.floor(full.length / 2)), 'image/jpeg')
    expect(truncated.status).toBe(400)
    expect(((await truncated.json()) as { error: string }).error).toMatch(/damaged or incomplete/)
    const lying = await upload(await png(10, 10), 'image/jpeg')
    expect(lying.status).toBe(415)
    expect(((await lying.json()) as { error: string }).error).toMatch(
      /says it is image\/jpeg but its content is image\/png/,
    )
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(10 * 1024 * 1024)])
    expect((await upload(big, 'image/png')).status).toBe(413)
    expect(stored()).toEqual([])
  })

  it('lets only members upload, never viewers, and deleting the session deletes its images', async () => {
    expect((await upload(await png(5, 5), 'image/png', session.keys.viewer)).status).toBe(403)
    expect((await upload(await png(5, 5), 'image/png', 'x'.repeat(43))).status).toBe(403)
    expect((await upload(await png(5, 5), 'image/png', session.keys.facilitator)).status).toBe(201)
    expect(stored()).toHaveLength(1)
    const del = await fetch(`${server.http}/api/sessions/${session.id}?key=${session.keys.facilitator}`, {
      method: 'DELETE',
    })
    expect(del.status).toBe(204)
    expect(stored()).toEqual([])
  })
})
