import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../server/http/precompress'
import { createStaticHandler } from '../../server/http/static'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', fail)
    req.end()
  })
}

describe('static files: precompressed at build, validated on revisit', () => {
  let dir: string
  let server: Server
  let base: string
  const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word${i % 50}`))}\n`
  const page = `<!doctype html><html><body>${'<p>board</p>'.repeat(200)}</body></html>`

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-static-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), page)
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), script)
    writeFileSync(join(dir, 'assets', 'tiny-abc.css'), 'a{}')
    precompressDir(dir)
    const handle = createStaticHandler(dir)
    server = createServer((req, res) => handle(req, res, new URL(req.url ?? '/', 'http://x')))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((ok) => server.close(ok))
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends brotli to a browser that takes it, the same bytes once decoded, with immutable caching', async () => {
    const res = await get(base, '/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers.vary).toBe('accept-encoding')
    expect(res.headers['cache-control']).toContain('immutable')
    expect(res.body.byteLength).toBeLessThan(script.length / 4)
    expect(Number(res.headers['content-length'])).toBe(res.body.byteLength)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('sends gzip when brotli is not taken, and the file itself when nothing is', async () => {
    const gz = await get(base, '/assets/app-abc123.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    const refused = await get(base, '/assets/app-abc123.js', { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.body.toString()).toBe(script)
    const plain = await get(base, '/assets/app-abc123.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('leaves a file too small to gain anything as it is', async () => {
    const res = await get(base, '/assets/tiny-abc.css', { 'accept-encoding': 'br, gzip' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe('a{}')
  })

  it('answers a revisit with 304 when the validator matches, per encoding', async () => {
    const first = await get(base, '/', { 'accept-encoding': 'br' })
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).not.toContain('immutable')
    expect(brotliDecompressSync(first.body).toString()).toBe(page)
    const etag = String(first.headers.etag)
    const again = await get(base, '/', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    // a different encoding is a different representation: not the same validator
    const gz = await get(base, '/', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(gz.status).toBe(200)
    expect(gunzipSync(gz.body).toString()).toBe(page)
  })
})
