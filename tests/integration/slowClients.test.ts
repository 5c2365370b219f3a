import { connect as tcpConnect } from 'node:net'
import WebSocket from 'ws'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { GuardLimits } from '../../server/guard/guard'
import { createSession, startServer, type TestServer } from '../helpers/server'

async function serverWith(guard: Partial<GuardLimits>): Promise<TestServer> {
  const server = await startServer({ guard })
  onTestFinished(() => server.close())
  return server
}

/** Opens a websocket; resolves with 'open' or the HTTP status it was refused with. */
function openSocket(url: string): Promise<{ ws: WebSocket; outcome: 'open' | number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.once('open', () => resolve({ ws, outcome: 'open' }))
    ws.once('unexpected-response', (_req, res) => resolve({ ws, outcome: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ ws, outcome: 0 }))
  })
}

/** Writes raw bytes on a TCP connection and gathers what comes back until the server closes it. */
function rawExchange(
  server: TestServer,
  first: string,
): { reply: Promise<string>; write(s: string): void; close(): void } {
  const { port } = new URL(server.http)
  const socket = tcpConnect(Number(port), '127.0.0.1')
  onTestFinished(() => void socket.destroy())
  socket.write(first)
  let out = ''
  socket.on('data', (d: Buffer) => (out += d.toString()))
  return {
    reply: new Promise((resolve) => {
      socket.once('close', () => resolve(out))
      socket.once('error', () => resolve(out))
    }),
    write: (s) => void socket.write(s),
    close: () => void socket.destroy(),
  }
}

describe('connections per address', () => {
  it('caps websockets with a 429 on the upgrade, and frees the place when one closes', async () => {
    const server = await serverWith({ socketsPerAddress: 3 })
    const s = await createSession(server.http)
    const url = `${server.ws}/${s.id}?key=${s.keys.participant}`
    const open = await Promise.all([openSocket(url), openSocket(url), openSocket(url)])
    expect(open.map((o) => o.outcome)).toEqual(['open', 'open', 'open'])
    const fourth = await openSocket(url)
    expect(fourth.outcome).toBe(429)
    // HTTP requests are not websockets: the API still answers
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
    const closed = new Promise((resolve) => open[0]!.ws.once('close', resolve))
    open[0]!.ws.close()
    await closed
    await expect.poll(async () => (await openSocket(url)).outcome).toBe('open')
    for (const o of open) o.ws.terminate()
  })

  it('caps API requests in progress with a 429 (never /healthz), and answers again once they are done', async () => {
    const server = await serverWith({ requestsPerAddress: 2 })
    // two requests whose bodies never finish arriving
    const slow = [0, 1].map(() =>
      rawExchange(
        server,
        'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te',
      ),
    )
    await expect
      .poll(async () => {
        const res = await fetch(`${server.http}/api/time`)
        await res.body?.cancel()
        return res.status
      })
      .toBe(429)
    // monitoring still gets through
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
    const refused = await fetch(`${server.http}/api/templates`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many requests at once/)
    // one finishes its body and is answered, the other gives up: both places are free again
    slow[0]!.write('x'.repeat(96))
    slow[1]!.close()
    await expect.poll(async () => (await fetch(`${server.http}/api/time`)).status).toBe(200)
  })
})

describe('slow requests', () => {
  it('time out: headers that never end, and a body that stops arriving, get 408', async () => {
    const server = await serverWith({ headersTimeoutMs: 1000, requestTimeoutMs: 4000, bodyIdleMs: 500 })
    const started = performance.now()
    const headers = rawExchange(server, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    expect(await headers.reply).toMatch(/^HTTP\/1\.1 408/)
    const body = rawExchange(
      server,
      'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"template',
    )
    const reply = await body.reply
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(reply).toMatch(/"error":"the body stopped arriving for 1 s"/)
    expect(reply).toMatch(/x-content-type-options: nosniff/i)
    // on a human scale: seconds, not the minutes node allows by default
    expect(performance.now() - started).toBeLessThan(15_000)
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
  })
})
