import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { UploadLimits } from '../../server/uploads/uploadLimits'
import {
  createSession,
  joinSession,
  startServer,
  type CreatedSession,
  type TestServer,
} from '../helpers/server'

/** A distinct PNG each call (distinct bytes are stored separately). */
const png = (seed: number): Promise<Buffer> =>
  sharp({ create: { width: 8 + seed, height: 8, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer()

/** A PNG of random pixels: about 3·w·h bytes, however it is compressed. */
const noisyPng = (w: number, h: number): Promise<Buffer> =>
  sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer()

async function serverWith(uploadLimits: UploadLimits): Promise<TestServer> {
  const server = await startServer({ uploadLimits })
  onTestFinished(() => server.close())
  return server
}

const upload = (server: TestServer, session: CreatedSession, bytes: Buffer, key = session.keys.participant) =>
  fetch(`${server.http}/api/sessions/${session.id}/images?key=${key}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  })

const storedCount = (server: TestServer, session: CreatedSession): number => {
  const dir = join(server.dataDir, 'uploads', session.id)
  return existsSync(dir) ? readdirSync(dir).length : 0
}

/** Checks a refusal: 429, a JSON error saying why, and a Retry-After in whole seconds within a minute. */
async function expectTooMany(res: Response, message: RegExp): Promise<number> {
  expect(res.status).toBe(429)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(((await res.json()) as { error: string }).error).toMatch(message)
  const retry = Number(res.headers.get('retry-after'))
  expect(Number.isInteger(retry)).toBe(true)
  expect(retry).toBeGreaterThanOrEqual(1)
  expect(retry).toBeLessThanOrEqual(60)
  return retry
}

const MANY = { uploads: 1000, bytes: 1024 * 1024 * 1024 }

describe('upload rate limits', () => {
  it('too many uploads with one key in a minute: 429 with Retry-After, nothing stored; other keys and sessions go on', async () => {
    const server = await serverWith({ perKey: { uploads: 3, bytes: MANY.bytes }, perIp: MANY })
    const session = await createSession(server.http)
    for (let i = 0; i < 3; i++) expect((await upload(server, session, await png(i))).status).toBe(201)
    const retry = await expectTooMany(
      await upload(server, session, await png(3)),
      /too many uploads from this session/,
    )
    // three uploads a minute: the next one is due within 20 s
    expect(retry).toBeLessThanOrEqual(20)
    expect(storedCount(server, session)).toBe(3)
    // the facilitator is not locked out by participants, nor is another session
    expect((await upload(server, session, await png(4), session.keys.facilitator)).status).toBe(201)
    const other = await createSession(server.http)
    expect((await upload(server, other, await png(5))).status).toBe(201)
  })

  it('one person using up their uploads leaves every other person theirs', async () => {
    const server = await serverWith({ perKey: { uploads: 2, bytes: MANY.bytes }, perIp: MANY })
    const session = await createSession(server.http)
    const tokenOf = async (name: string) =>
      (await joinSession(server.http, session.id, session.keys.participant, name)).token
    const mallory = await tokenOf('Mallory')
    const ann = await tokenOf('Ann')
    const withToken = (token: string) => `${session.keys.participant}&token=${token}`
    for (let i = 0; i < 2; i++)
      expect((await upload(server, session, await png(10 + i), withToken(mallory))).status).toBe(201)
    await expectTooMany(
      await upload(server, session, await png(12), withToken(mallory)),
      /too many uploads from you/,
    )
    expect((await upload(server, session, await png(13), withToken(ann))).status).toBe(201)
  })

  it('too many bytes in a minute: the upload that would pass the budget is refused before it is read', async () => {
    const server = await serverWith({ perKey: { uploads: 100, bytes: 300_000 }, perIp: MANY })
    const session = await createSession(server.http)
    const big = await noisyPng(200, 300) // about 180 kB
    expect(big.length).toBeGreaterThan(150_000)
    expect((await upload(server, session, big)).status).toBe(201)
    await expectTooMany(await upload(server, session, await noisyPng(200, 300)), /too many uploads/)
    expect(storedCount(server, session)).toBe(1)
    // small ones still fit what is left of the budget
    expect((await upload(server, session, await png(1))).status).toBe(201)
  })

  it('too many uploads from one address, across sessions: 429', async () => {
    const server = await serverWith({ perKey: MANY, perIp: { uploads: 4, bytes: MANY.bytes } })
    const a = await createSession(server.http)
    const b = await createSession(server.http)
    for (let i = 0; i < 2; i++) {
      expect((await upload(server, a, await png(i))).status).toBe(201)
      expect((await upload(server, b, await png(i + 10))).status).toBe(201)
    }
    await expectTooMany(await upload(server, a, await png(20)), /too many uploads from this address/)
    await expectTooMany(await upload(server, b, await png(21), b.keys.facilitator), /this address/)
  })

  it('a refused upload changes nothing: viewers are still refused with 403 first, unknown sessions 404', async () => {
    const server = await serverWith({ perKey: { uploads: 1, bytes: MANY.bytes }, perIp: MANY })
    const session = await createSession(server.http)
    expect((await upload(server, session, await png(0))).status).toBe(201)
    expect((await upload(server, session, await png(1))).status).toBe(429)
    expect((await upload(server, session, await png(2), session.keys.viewer)).status).toBe(403)
    const res = await fetch(`${server.http}/api/sessions/${'A'.repeat(22)}/images?key=x`, {
      method: 'POST',
      body: new Uint8Array(await png(3)),
    })
    expect(res.status).toBe(404)
  })
})
