import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createSession, startServer } from '../helpers/server'

/** A server with a stand-in for the built client in its client folder. */
async function serverWithClient() {
  const server = await startServer()
  onTestFinished(() => server.close())
  const dir = join(server.dataDir, 'no-client')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return server
}

describe('response headers', () => {
  it('pages: a strict Content-Security-Policy, no framing, and no-store where the URL holds a key', async () => {
    const server = await serverWithClient()
    const { port } = new URL(server.http)
    const home = await fetch(`${server.http}/`)
    const csp = home.headers.get('content-security-policy') ?? ''
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['style-src']).toEqual(["'self'"])
    expect(directives['connect-src']).toEqual(["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(home.headers.get('x-frame-options')).toBe('DENY')
    expect(home.headers.get('cache-control')).toBe('no-cache')
    expect(home.headers.get('x-content-type-options')).toBe('nosniff')

    const s = await createSession(server.http)
    for (const path of [`/s/${s.id}?key=${s.keys.participant}`, `/s/${s.id}`, `/?key=${s.keys.viewer}`]) {
      const page = await fetch(`${server.http}${path}`)
      expect(page.status, path).toBe(200)
      expect(page.headers.get('cache-control'), path).toBe('no-store')
      expect(page.headers.get('content-security-policy'), path).toBe(csp)
      expect(page.headers.get('referrer-policy'), path).toBe('no-referrer')
    }
    // a Host header that could smuggle a directive is left out of the policy
    const { request } = await import('node:http')
    const evil = await new Promise<string>((resolve) =>
      request({ host: '127.0.0.1', port, path: '/', headers: { host: 'x; script-src *' } }, (res) => {
        res.resume()
        resolve(String(res.headers['content-security-policy']))
      }).end(),
    )
    expect(evil).toMatch(/connect-src 'self';/)
    expect(evil).not.toMatch(/script-src \*/)
  })

  it('nosniff on every response: assets, JSON answers, errors, metrics', async () => {
    const server = await serverWithClient()
    const s = await createSession(server.http)
    const answers = await Promise.all([
      fetch(`${server.http}/assets/app.js`),
      fetch(`${server.http}/api/templates`),
      fetch(`${server.http}/healthz`),
      fetch(`${server.http}/metrics`),
      fetch(`${server.http}/api/nothing`),
      fetch(`${server.http}/api/sessions/${s.id}?key=wrong`),
      fetch(`${server.http}/api/sessions/${s.id}?key=${s.keys.viewer}`),
      fetch(`${server.http}/`, { method: 'POST' }),
    ])
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 403, 200, 405])
    for (const r of answers) expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff')
    for (const r of answers.slice(1, 3)) expect(r.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('nosniff on a refused websocket upgrade too', async () => {
    const server = await serverWithClient()
    const s = await createSession(server.http)
    const answer = await new Promise<{ status: number; nosniff: unknown }>((done, fail) => {
      const req = request(`${server.http}/ws/${s.id}?key=wrong`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      })
      req.on('response', (res) => {
        res.resume()
        done({ status: res.statusCode ?? 0, nosniff: res.headers['x-content-type-options'] })
      })
      req.on('upgrade', () => fail(new Error('upgraded with a wrong key')))
      req.on('error', fail)
      req.end()
    })
    expect(answer).toEqual({ status: 403, nosniff: 'nosniff' })
  })
})
