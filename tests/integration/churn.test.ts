import { mkdtempSync, rmSync } from 'node:fs'
import { connect as tcpConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { afterAll, describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { noteTexts } from '../helpers/board'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { metricValue } from '../helpers/metrics'
import { syncStep1Frame } from '../helpers/raw'
import { connect, createSession, synced, type Client, type CreatedSession } from '../helpers/server'

/*
 * 1,000 connections opened and dropped quickly, in every state a connection can be dropped in:
 * before the upgrade request is whole, while the key is checked, right after the upgrade, after
 * sync step 1, refused. The server stays up, leaks no connection or room, and its memory comes
 * back near where it was. RELIABILITY_FIGURES=1 prints the figures docs/reliability.md quotes.
 */

const CONNECTIONS = 1000
const CONCURRENCY = 50
/** Generous: what the heap may hold more than before, once the churn is over. */
const HEAP_MARGIN = 48 * 1024 * 1024
const writer = createOrigin('u-churn', 'Churn')

type Way =
  'tcp-only' | 'half-request' | 'whole-request' | 'after-upgrade' | 'after-step1' | 'other-room' | 'refused'
const WAYS: Way[] = [
  'tcp-only',
  'half-request',
  'whole-request',
  'after-upgrade',
  'after-step1',
  'other-room',
  'refused',
]

/** The request line and headers of a websocket upgrade. */
const upgradeRequest = (host: string, path: string): string =>
  `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`

/** Opens a TCP connection, writes `bytes` (if any) and destroys it as soon as they are written. */
function tcpDrop(http: string, bytes: string): Promise<void> {
  const { hostname, port } = new URL(http)
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(port), hostname)
    socket.on('error', () => resolve())
    socket.on('close', () => resolve())
    socket.on('connect', () => {
      if (bytes === '') socket.destroy()
      else socket.write(bytes, () => socket.destroy())
    })
  })
}

/** Opens a websocket and drops it at once (terminate: no closing handshake), or after sync step 1. */
function wsDrop(url: string, afterStep1: boolean): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.on('error', () => resolve())
    ws.on('close', () => resolve())
    ws.on('unexpected-response', (req) => {
      req.destroy()
      resolve()
    })
    ws.on('open', () => {
      if (!afterStep1) return ws.terminate()
      ws.send(syncStep1Frame(new Uint8Array([0])))
    })
    ws.on('message', (data: Buffer) => {
      // the server's answer to our step 1 (a sync step 2): we are in the room; now vanish
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) ws.terminate()
    })
  })
}

async function dropOne(
  way: Way,
  server: ChildServer,
  main: CreatedSession,
  others: CreatedSession[],
  i: number,
) {
  const host = new URL(server.http).host
  const path = `/ws/${main.id}?key=${main.keys.participant}`
  switch (way) {
    case 'tcp-only':
      return tcpDrop(server.http, '')
    case 'half-request':
      return tcpDrop(server.http, upgradeRequest(host, path).slice(0, 40 + (i % 60)))
    case 'whole-request':
      return tcpDrop(server.http, upgradeRequest(host, path))
    case 'after-upgrade':
      return wsDrop(`${server.ws}/${main.id}?key=${main.keys.participant}`, false)
    case 'after-step1':
      return wsDrop(`${server.ws}/${main.id}?key=${main.keys.viewer}`, true)
    case 'other-room': {
      // a room nobody else is in: loaded for this connection, unloaded after it
      const other = others[i % others.length]!
      return wsDrop(`${server.ws}/${other.id}?key=${other.keys.participant}`, i % 2 === 0)
    }
    case 'refused':
      return wsDrop(`${server.ws}/${main.id}?key=${'A'.repeat(43)}`, false)
  }
}

async function gauges(http: string) {
  return {
    connections: await metricValue(http, 'whiteboard_connections_open'),
    rooms: await metricValue(http, 'whiteboard_rooms_open'),
    heap: await metricValue(http, 'nodejs_heap_size_used_bytes'),
    rss: await metricValue(http, 'process_resident_memory_bytes'),
  }
}

describe('connection churn', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-churn-'))
  let child: ChildServer | undefined
  const clients: Client[] = []
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await child?.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(`${CONNECTIONS} connections opened and dropped quickly leak nothing`, async () => {
    const started = performance.now()
    child = await startChildServer(dataDir, { LOG_LEVEL: 'error' })
    const server = child
    const main = await createSession(server.http)
    const others = await Promise.all(Array.from({ length: 10 }, () => createSession(server.http)))
    const a = connect(server.ws, main.id, main.keys.participant)
    const b = connect(server.ws, main.id, main.keys.participant)
    clients.push(a, b)
    await Promise.all([synced(a), synced(b)])
    const run = async (count: number, offset: number): Promise<void> => {
      let next = 0
      const lane = async (): Promise<void> => {
        for (let i = next++; i < count; i = next++)
          await dropOne(WAYS[i % WAYS.length]!, server, main, others, offset + i)
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, lane))
    }
    // a warm-up round, so what the server allocates once (code, pools) is in the baseline
    await run(100, 0)
    // the two stock clients and the board's two rooms (board and control): nothing else
    const settled = { connections: 2, rooms: 2 }
    await expect
      .poll(async () => {
        const g = await gauges(server.http)
        return { connections: g.connections, rooms: g.rooms }
      })
      .toEqual(settled)
    const before = await gauges(server.http)

    await run(CONNECTIONS, 100)
    addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: 'after the churn' }, writer)
    await expect.poll(() => noteTexts(b.doc)).toEqual(['after the churn'])

    expect(server.process.exitCode).toBeNull()
    await expect
      .poll(async () => {
        const g = await gauges(server.http)
        return { connections: g.connections, rooms: g.rooms }
      })
      .toEqual(settled)
    const after = await gauges(server.http)
    expect(after.heap - before.heap).toBeLessThan(HEAP_MARGIN)
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)

    if (process.env.RELIABILITY_FIGURES) {
      const figures = {
        connections: CONNECTIONS,
        ways: WAYS,
        before,
        after,
        ms: Math.round(performance.now() - started),
      }
      console.log(`churn figures\n${JSON.stringify(figures, null, 2)}`)
    }
  }, 120_000)
})
