import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setBoardLocked } from '../../shared/ops/session'
import { controlRoom } from '../../shared/rooms'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import { noteTexts } from '../helpers/board'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { RawYClient } from '../helpers/rawClient'
import { startRedis, type TestRedis } from '../helpers/redis'
import { openRaw, refusedUpgrade } from '../helpers/raw'
import { connect, createSession, joinSession, synced, type Client } from '../helpers/server'

const pat = createOrigin('u-pat', 'Pat')
const fay = createOrigin('u-fay', 'Fay')

/** Redis and instances sharing it, as an operator would run them, stopped after each test. */
let redis: TestRedis | undefined
let instances: ChildServer[] = []
let clients: Client[] = []
const dataDirs: string[] = []

async function startInstances(count: number): Promise<ChildServer[]> {
  redis = await startRedis()
  const url = redis.url
  instances = await Promise.all(
    Array.from({ length: count }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'wb-cluster-'))
      dataDirs.push(dir)
      return startChildServer(dir, { REDIS_URL: url })
    }),
  )
  return instances
}

function open(server: ChildServer, room: string, key: string, doc?: Y.Doc): Client {
  const client = connect(server.ws, room, key, doc)
  clients.push(client)
  return client
}

const note = (doc: Y.Doc, text: string): void => {
  addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text }, pat)
}

afterEach(async () => {
  for (const c of clients) c.destroy()
  clients = []
  await Promise.all(instances.map((i) => i.kill('SIGKILL')))
  instances = []
  await redis?.stop()
  redis = undefined
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('several instances on Redis', () => {
  it('share sessions, edits, the lock, images and deletion, whichever instance a client reaches', async () => {
    const [a, b] = await startInstances(2)
    if (!a || !b) throw new Error('two instances expected')
    const { id, keys } = await createSession(a.http)

    // the session API answers the same on the other instance
    const onB = await fetch(`${b.http}/api/sessions/${id}?key=${keys.participant}`)
    expect(onB.status).toBe(200)
    expect(await onB.json()).toMatchObject({ id, role: 'participant' })
    expect((await fetch(`${b.http}/api/sessions/${id}?key=wrong`)).status).toBe(403)

    // edits on either instance reach clients of both
    const onA = open(a, id, keys.participant)
    const onB2 = open(b, id, keys.participant)
    await Promise.all([onA, onB2].map(synced))
    note(onA.doc, 'written on A')
    note(onB2.doc, 'written on B')
    await expect.poll(() => noteTexts(onA.doc)).toEqual(['written on A', 'written on B'])
    await expect.poll(() => noteTexts(onB2.doc)).toEqual(['written on A', 'written on B'])

    // a lock set through A is enforced by B
    const control = open(a, controlRoom(id), keys.facilitator)
    const partControlB = open(b, controlRoom(id), keys.participant)
    await Promise.all([control, partControlB].map(synced))
    setBoardLocked(control.doc, true, fay)
    await expect.poll(() => isBoardLocked(partControlB.doc)).toBe(true)
    note(onB2.doc, 'while locked')
    const facB = open(b, id, keys.facilitator)
    await synced(facB)
    addObject(facB.doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'facilitator while locked' }, fay)
    await expect.poll(() => noteTexts(onA.doc)).toContain('facilitator while locked')
    expect(noteTexts(onA.doc)).not.toContain('while locked')

    // an image uploaded through A is served by B
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const up = await fetch(`${a.http}/api/sessions/${id}/images?key=${keys.participant}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(png),
    })
    expect(up.status).toBe(201)
    const { src } = (await up.json()) as { src: string }
    const served = await fetch(`${b.http}/api/sessions/${id}/images/${src}?key=${keys.viewer}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

    // deleting through B closes the room on A too, and leaves nothing in Redis
    const closed = new Promise<number>((resolve) =>
      onA.provider.ws?.addEventListener('close', (e) => resolve(e.code)),
    )
    expect(
      (await fetch(`${b.http}/api/sessions/${id}?key=${keys.facilitator}`, { method: 'DELETE' })).status,
    ).toBe(204)
    expect(await closed).toBe(4404)
    expect((await fetch(`${a.http}/api/sessions/${id}?key=${keys.facilitator}`)).status).toBe(404)
    await expect.poll(() => redis?.cli('--scan', '--pattern', `*${id}*`)).toBe('')
  })

  it('share people: a token from one instance works on the other; removal closes connections on both; renewals and deletion reach both', async () => {
    const [a, b] = await startInstances(2)
    if (!a || !b) throw new Error('two instances expected')
    const s = await createSession(a.http, 'sense-making', 'Lobby', { admit: true })
    const fay = await joinSession(a.http, s.id, s.keys.facilitator, 'Fay')
    const rob = await joinSession(a.http, s.id, s.keys.participant, 'Rob', 'agree')
    expect(rob.status).toBe('waiting')
    const me = (server: ChildServer, token: string) =>
      fetch(`${server.http}/api/sessions/${s.id}/me?token=${token}`)
    expect(await (await me(b, rob.token)).json()).toMatchObject({ person: rob.person, status: 'waiting' })
    const post = (server: ChildServer, path: string, body?: unknown) =>
      fetch(`${server.http}/api/sessions/${s.id}${path}`, {
        method: 'POST',
        ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      })
    expect((await post(b, `/people/admit-all?token=${fay.token}`)).status).toBe(200)
    expect(await (await me(a, rob.token)).json()).toMatchObject({ status: 'admitted' })

    // Rob is on the board through B; Fay removes him through A
    const onB = openRaw(b.ws, s.id, s.keys.participant, { token: rob.token })
    await onB.opened
    const removed = await post(a, `/people/${rob.person}/remove?token=${fay.token}`, { hide: true })
    expect(removed.status).toBe(200)
    expect(await onB.closed).toEqual({ code: 4003, reason: 'removed from session' })
    expect((await refusedUpgrade(`${b.ws}/${s.id}?token=${rob.token}`)).status).toBe(403)
    const listed = await fetch(`${b.http}/api/sessions/${s.id}/people?token=${fay.token}`)
    const { people, log } = (await listed.json()) as {
      people: { status: string }[]
      log: { action: string }[]
    }
    expect(people.map((p) => p.status)).toEqual(['admitted', 'removed'])
    expect(log.map((l) => l.action)).toEqual(['admitted', 'removed'])

    // a renewed link: the old key refused on both instances at once
    await post(b, `/links/participant/renew?token=${fay.token}`)
    expect((await refusedUpgrade(`${a.ws}/${s.id}?key=${s.keys.participant}`)).status).toBe(403)
    expect((await fetch(`${a.http}/api/sessions/${s.id}/people?token=${fay.token}`)).status).toBe(200)

    // deleting the session leaves no people or log in Redis
    expect(
      (await fetch(`${a.http}/api/sessions/${s.id}?token=${fay.token}`, { method: 'DELETE' })).status,
    ).toBe(204)
    await expect.poll(() => redis?.cli('--scan', '--pattern', `*${s.id}*`)).toBe('')
  })

  it('an instance killed with SIGKILL: its clients move to the other and lose nothing they had seen relayed', async () => {
    const [a, b] = await startInstances(2)
    if (!a || !b) throw new Error('two instances expected')
    const { id, keys } = await createSession(a.http)
    const writer = await RawYClient.open(`${a.ws}/${id}?key=${keys.participant}`)
    const watcherOnA = open(a, id, keys.participant)
    const watcherOnB = open(b, id, keys.viewer)
    await Promise.all([watcherOnA, watcherOnB].map(synced))
    const written: string[] = []
    for (let i = 0; i < 20; i++) {
      note(writer.doc, `note ${i}`)
      await writer.echoed()
      written.push(`note ${i}`)
    }
    note(watcherOnB.doc, 'never relayed: viewers cannot write')
    await expect.poll(() => noteTexts(watcherOnA.doc).length).toBe(20)
    const seenOnA = noteTexts(watcherOnA.doc)

    expect(await a.kill('SIGKILL')).toBe(null)
    writer.close()
    // the client that was on A reconnects to B with the document it had
    const moved = open(b, id, keys.participant, watcherOnA.doc)
    await synced(moved)
    note(moved.doc, 'after the move')
    const fresh = open(b, id, keys.viewer)
    await synced(fresh)
    await expect.poll(() => noteTexts(fresh.doc)).toEqual([...seenOnA, 'after the move'].sort())
    expect(seenOnA).toEqual([...written].sort())
  })

  it('Redis restarted during a session: instances reconnect, clients converge, nothing relayed is lost', async () => {
    const [a, b] = await startInstances(2)
    if (!a || !b || !redis) throw new Error('two instances expected')
    const { id, keys } = await createSession(a.http)
    const onA = open(a, id, keys.participant)
    const onB = open(b, id, keys.participant)
    await Promise.all([onA, onB].map(synced))
    for (let i = 0; i < 10; i++) note(i % 2 ? onA.doc : onB.doc, `before ${i}`)
    await expect.poll(() => noteTexts(onA.doc).length).toBe(10)
    await expect.poll(() => noteTexts(onB.doc).length).toBe(10)

    await redis.restart('SIGKILL')
    // edits made while Redis was away and after: sent again by the clients once they are back
    note(onA.doc, 'after restart on A')
    note(onB.doc, 'after restart on B')
    await expect.poll(() => noteTexts(onA.doc).length, { timeout: 30_000 }).toBe(12)
    await expect.poll(() => noteTexts(onB.doc).length, { timeout: 30_000 }).toBe(12)
    const fresh = open(b, id, keys.viewer)
    await synced(fresh)
    await expect.poll(() => noteTexts(fresh.doc)).toEqual(noteTexts(onA.doc))
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc))
  })

  it('a paused instance (SIGSTOP) catches up from the stream when resumed; all replicas equal', async () => {
    const [a, b] = await startInstances(2)
    if (!a || !b) throw new Error('two instances expected')
    const { id, keys } = await createSession(a.http)
    const onA = open(a, id, keys.participant)
    const onB = open(b, id, keys.viewer)
    await Promise.all([onA, onB].map(synced))
    b.process.kill('SIGSTOP')
    try {
      for (let i = 0; i < 50; i++) note(onA.doc, `while paused ${i}`)
      const check = open(a, id, keys.viewer)
      await synced(check)
      await expect.poll(() => noteTexts(check.doc).length).toBe(50)
      await new Promise((resolve) => setTimeout(resolve, 3000)) // paused for seconds, as the issue asks
    } finally {
      b.process.kill('SIGCONT')
    }
    await expect.poll(() => noteTexts(onB.doc).length, { timeout: 20_000 }).toBe(50)
    expect(Y.encodeStateVector(onB.doc)).toEqual(Y.encodeStateVector(onA.doc))
  })
})
