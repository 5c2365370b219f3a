import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { createApp, type App } from '../../server/app'
import { openCluster, type Cluster } from '../../server/cluster/cluster'
import { clusterKeys } from '../../server/cluster/keys'
import { createLogger } from '../../server/logger'
import { noteTexts } from '../helpers/board'
import { awarenessFrame, openRaw } from '../helpers/raw'
import { RawYClient } from '../helpers/rawClient'
import { openTestRedis, type TestRedisClient } from '../helpers/testRedis'
import { GENEROUS_GUARD, connect, createSession, synced, type Client } from '../helpers/server'

const pat = createOrigin('u-pat', 'Pat')
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent')

let testRedis: TestRedisClient
let url = ''
let redis: Redis
beforeAll(async () => {
  testRedis = await openTestRedis()
  ;({ url, redis } = testRedis)
})
afterAll(() => testRedis.close())

interface Instance {
  readonly app: App
  readonly cluster: Cluster
  readonly http: string
  readonly ws: string
}
let running: Instance[] = []
let clients: Client[] = []

/** An instance in this process, on its own key prefix per test so tests never meet. */
async function instance(prefix: string, compactAfterRows = 500, trimMarginMs = 60_000): Promise<Instance> {
  const cluster = await openCluster(url, log, { prefix, trimMarginMs })
  const app = createApp({
    guard: GENEROUS_GUARD,
    storage: cluster.storage,
    images: cluster.images,
    templates: cluster.templates,
    fanout: cluster.fanout,
    log,
    clientDir: mkdtempSync(join(tmpdir(), 'wb-noclient-')),
    defaultMetrics: false,
    compactAfterRows,
  })
  const { port } = await app.listen(0, '127.0.0.1')
  const made = { app, cluster, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/ws` }
  running.push(made)
  return made
}

const open = (at: Instance, room: string, key: string): Client => {
  const client = connect(at.ws, room, key)
  clients.push(client)
  return client
}

afterEach(async () => {
  for (const c of clients) c.destroy()
  clients = []
  for (const i of running) {
    await i.app.close()
    await i.cluster.close()
  }
  running = []
})

const newPrefix = (): string => `t${randomBytes(4).toString('hex')}:`

describe('rooms shared through Redis streams', () => {
  it('compacts under a lock, trims the stream, and a new instance loads snapshot + tail with no gap', async () => {
    const prefix = newPrefix()
    const keys = clusterKeys(prefix)
    const a = await instance(prefix, 20, 0)
    const b = await instance(prefix, 20, 0)
    const { id, keys: roleKeys } = await createSession(a.http)
    const onB = open(b, id, roleKeys.viewer)
    await synced(onB)
    const writer = await RawYClient.open(`${a.ws}/${id}?key=${roleKeys.participant}`)
    for (let i = 0; i < 100; i++) {
      addObject(writer.doc, { kind: 'sticky', canvas: 'c', x: i, y: 0, text: `n${i}` }, pat)
      await writer.echoed()
    }
    writer.close()
    await expect.poll(() => noteTexts(onB.doc).length).toBe(100)
    await expect.poll(async () => await redis.hexists(keys.snap(id), 'state')).toBe(1)
    // trimmed: far fewer entries than the 100 updates (plus the session's first state)
    await expect.poll(async () => await redis.xlen(keys.log(id))).toBeLessThan(40)
    expect(await redis.exists(keys.lock(id))).toBe(0) // released

    const c = await instance(prefix)
    const late = open(c, id, roleKeys.viewer)
    await synced(late)
    expect(noteTexts(late.doc)).toEqual(noteTexts(onB.doc))
    expect(noteTexts(late.doc)).toHaveLength(100)
  })

  it('never compacts while another instance holds the lock', async () => {
    const prefix = newPrefix()
    const keys = clusterKeys(prefix)
    const a = await instance(prefix, 5, 0)
    const { id, keys: roleKeys } = await createSession(a.http)
    await redis.set(keys.lock(id), 'someone-else', 'PX', 60_000)
    const writer = await RawYClient.open(`${a.ws}/${id}?key=${roleKeys.participant}`)
    for (let i = 0; i < 20; i++) {
      addObject(writer.doc, { kind: 'sticky', canvas: 'c', x: i, y: 0, text: `n${i}` }, pat)
      await writer.echoed()
    }
    writer.close()
    await a.app.relay.flushed()
    expect(await redis.hexists(keys.snap(id), 'state')).toBe(0)
    expect(await redis.xlen(keys.log(id))).toBeGreaterThanOrEqual(20)
    expect(await redis.get(keys.lock(id))).toBe('someone-else')
  })

  it('an instance behind a trim (entries gone before it read them) reloads from the snapshot', async () => {
    const prefix = newPrefix()
    const keys = clusterKeys(prefix)
    const a = await instance(prefix)
    const { id, keys: roleKeys } = await createSession(a.http)
    const viewer = open(a, id, roleKeys.viewer)
    await synced(viewer)

    // another instance stores an update and compacts it away in one step, so this one never reads it
    const stored = await a.cluster.storage.load(id)
    const doc = new Y.Doc()
    for (const u of stored) Y.applyUpdate(doc, u)
    const before = Y.encodeStateVector(doc)
    addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'trimmed before anyone read it' }, pat)
    const update = Y.encodeStateAsUpdate(doc, before)
    const entryId = `${Date.now() + 60_000}-0`
    await redis
      .multi()
      .xadd(keys.log(id), entryId, 'u', Buffer.from(update), 'i', 'elsewhere')
      .hset(keys.snap(id), 'state', Buffer.from(Y.encodeStateAsUpdate(doc)), 'id', entryId)
      .xtrim(keys.log(id), 'MINID', `${entryId.split('-')[0]}-1`)
      .xadd(keys.log(id), '*', 't', entryId)
      .exec()
    await expect.poll(() => noteTexts(viewer.doc)).toEqual(['trimmed before anyone read it'])
  })

  it('relays awareness between instances, keeps ids owned, and removes a departed client everywhere', async () => {
    const prefix = newPrefix()
    const a = await instance(prefix)
    const b = await instance(prefix)
    const { id, keys: roleKeys } = await createSession(a.http)
    const onA = open(a, id, roleKeys.participant)
    const onB = open(b, id, roleKeys.participant)
    await Promise.all([onA, onB].map(synced))
    onA.provider.awareness.setLocalStateField('user', { name: 'Ama' })
    const seenOnB = (): unknown => onB.provider.awareness.getStates().get(onA.doc.clientID)
    await expect.poll(seenOnB).toMatchObject({ user: { name: 'Ama' } })

    // a connection on B may not speak for Ama, who is connected to A
    const spoofer = openRaw(b.ws, id, roleKeys.participant)
    await spoofer.opened
    const clock = onA.provider.awareness.meta.get(onA.doc.clientID)?.clock ?? 0
    spoofer.ws.send(
      awarenessFrame([{ clientId: onA.doc.clientID, clock, json: '{"user":{"name":"Mallory"}}' }]),
    )
    onB.provider.awareness.setLocalStateField('user', { name: 'Bo' }) // a later message, to wait for
    await expect
      .poll(() => onA.provider.awareness.getStates().get(onB.doc.clientID))
      .toMatchObject({
        user: { name: 'Bo' },
      })
    expect(onA.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ user: { name: 'Ama' } })
    expect(seenOnB()).toMatchObject({ user: { name: 'Ama' } })

    onA.provider.disconnect()
    await expect.poll(seenOnB).toBeUndefined()
  })
})
