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
import { setAdmitPeople } from '../../shared/ops/session'
import { controlRoom } from '../../shared/rooms'
import { isAdmitOn } from '../../shared/schema/controlDoc'
import { noteTexts } from '../helpers/board'
import { awarenessFrame, openRaw } from '../helpers/raw'
import { RawYClient } from '../helpers/rawClient'
import { openTestRedis, type TestRedisClient } from '../helpers/testRedis'
import {
  GENEROUS_GUARD,
  connect,
  createSession,
  joinSession,
  postJoin,
  synced,
  type Client,
} from '../helpers/server'

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

const open = (at: Instance, room: string, key: string, params?: Record<string, string>): Client => {
  const client = connect(at.ws, room, key, undefined, params)
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
    // released (polled: the lock is let go just after the trim, and a later compaction may take it again)
    await expect.poll(async () => await redis.exists(keys.lock(id))).toBe(0)

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

describe('people across instances', () => {
  it("a person's new name reaches their presence on every instance at once; a made-up token renames nobody", async () => {
    const prefix = newPrefix()
    const a = await instance(prefix)
    const b = await instance(prefix)
    const s = await createSession(a.http)
    const ann = await joinSession(a.http, s.id, s.keys.participant, 'Ann')
    const bo = await joinSession(b.http, s.id, s.keys.participant, 'Bo')
    const fay = await joinSession(a.http, s.id, s.keys.facilitator, 'Fay')
    // Ann and Bo are connected to B; Fay watches from A
    const annOnB = open(b, s.id, s.keys.participant, { token: ann.token })
    const boOnB = open(b, s.id, s.keys.participant, { token: bo.token })
    const fayOnA = open(a, s.id, s.keys.facilitator, { token: fay.token })
    await Promise.all([annOnB, boOnB, fayOnA].map(synced))
    type Presence = { user?: { name?: string }; cursor?: number } | undefined
    const seen = (viewer: Client, whose: Client) => () =>
      viewer.provider.awareness.getStates().get(whose.doc.clientID) as Presence
    const nameOf = (viewer: Client, whose: Client) => () => seen(viewer, whose)()?.user?.name
    annOnB.provider.awareness.setLocalStateField('user', { name: 'Ann', color: '#d1495b' })
    boOnB.provider.awareness.setLocalStateField('user', { name: 'Bo', color: '#00798c' })
    await expect.poll(nameOf(fayOnA, annOnB)).toBe('Ann')
    await expect.poll(nameOf(fayOnA, boOnB)).toBe('Bo')

    // Ann renames herself through A (a load balancer may send her request anywhere): her presence
    // on B carries the new name to everyone, before her page publishes anything again
    const renamed = await postJoin(a.http, s.id, s.keys.participant, { token: ann.token, name: 'Ann Lee' })
    expect(renamed.status).toBe(200)
    await expect.poll(nameOf(fayOnA, annOnB)).toBe('Ann Lee')
    await expect.poll(nameOf(boOnB, annOnB)).toBe('Ann Lee')
    // and whatever name her page claims from then on, B gives it the one she took
    annOnB.provider.awareness.setLocalStateField('user', { name: 'Fay', color: '#d1495b' })
    annOnB.provider.awareness.setLocalStateField('cursor', 7)
    await expect.poll(seen(fayOnA, annOnB)).toMatchObject({ user: { name: 'Ann Lee' }, cursor: 7 })

    // Bo renames himself through B, where he is connected: the same, seen on A
    expect((await postJoin(b.http, s.id, s.keys.participant, { token: bo.token, name: 'Bob' })).status).toBe(
      200,
    )
    await expect.poll(nameOf(fayOnA, boOnB)).toBe('Bob')
    expect(nameOf(fayOnA, annOnB)()).toBe('Ann Lee')

    // a made-up token renames nobody, on either instance
    for (const at of [a, b]) {
      const madeUp = await postJoin(at.http, s.id, s.keys.participant, {
        token: 'A'.repeat(43),
        name: 'Mallory',
      })
      expect(madeUp.status).toBe(403)
    }
    const me = await fetch(`${b.http}/api/sessions/${s.id}/me?token=${ann.token}`)
    expect(await me.json()).toMatchObject({ name: 'Ann Lee' })
    boOnB.provider.awareness.setLocalStateField('cursor', 1) // a later message, to wait for
    await expect.poll(seen(fayOnA, boOnB)).toMatchObject({ user: { name: 'Bob' }, cursor: 1 })
    expect(nameOf(fayOnA, annOnB)()).toBe('Ann Lee')
  })

  it('turning Admit people off on one instance admits those waiting once, whichever instance they poll', async () => {
    const prefix = newPrefix()
    const a = await instance(prefix)
    const b = await instance(prefix)
    const s = await createSession(a.http, 'sense-making', 'Lobby', { admit: true })
    const fay = await joinSession(a.http, s.id, s.keys.facilitator, 'Fay')
    const wes = await joinSession(b.http, s.id, s.keys.participant, 'Wes')
    expect(wes.status).toBe('waiting')
    // both instances have the control room open: B through a participant's join screen
    const joinScreen = open(b, controlRoom(s.id), s.keys.participant)
    const control = open(a, controlRoom(s.id), s.keys.facilitator, { token: fay.token })
    await Promise.all([joinScreen, control].map(synced))
    setAdmitPeople(control.doc, false, createOrigin(fay.person, 'Fay'))
    const statusOnB = async () =>
      (
        (await (await fetch(`${b.http}/api/sessions/${s.id}/me?token=${wes.token}`)).json()) as {
          status: string
        }
      ).status
    await expect.poll(statusOnB).toBe('admitted')
    await expect.poll(() => isAdmitOn(joinScreen.doc)).toBe(false)
    // admitted once, by the instance the facilitator wrote to, not again by the one that followed
    const people = await fetch(`${b.http}/api/sessions/${s.id}/people?key=${s.keys.facilitator}`)
    const { log: entries } = (await people.json()) as {
      log: { action: string; actor: string; subject: string }[]
    }
    expect(entries.map((l) => [l.action, l.actor, l.subject])).toEqual([['admitted', fay.person, wes.person]])
  })
})
