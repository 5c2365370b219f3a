import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readObject, objectsOf } from '../../shared/schema/boardDoc'
import { addObject, moveObjects } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { connect, createSession, startServer, synced, type Client, type TestServer } from '../helpers/server'

const alice = createOrigin('u-alice', 'Alice')
const bob = createOrigin('u-bob', 'Bob')

const noteTexts = (client: Client): string[] =>
  [...objectsOf(client.doc).entries()]
    .map(([id, map]) => readObject(id, map))
    .flatMap((r) => (r.ok && r.object.kind === 'sticky' ? [r.object.text] : []))
    .sort()

describe('two stock y-websocket clients on a real server', () => {
  let server: TestServer
  const clients: Client[] = []
  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })
  const open = (room: string, key: string): Client => {
    const c = connect(server.ws, room, key)
    clients.push(c)
    return c
  }

  it('see each other’s edits, and a third client after a restart sees everything', async () => {
    const { id, keys } = await createSession(server.http)
    const a = open(id, keys.participant)
    const b = open(id, keys.facilitator)
    await Promise.all([synced(a), synced(b)])
    const noteA = addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: 10, y: 20, text: 'from Alice' }, alice)
    addObject(b.doc, { kind: 'sticky', canvas: 'c1', x: 300, y: 20, text: 'from Bob' }, bob)
    await expect.poll(() => noteTexts(a)).toEqual(['from Alice', 'from Bob'])
    await expect.poll(() => noteTexts(b)).toEqual(['from Alice', 'from Bob'])
    moveObjects(b.doc, [{ id: noteA, x: 50, y: 60 }], bob)
    await expect.poll(() => objectsOf(a.doc).get(noteA)?.get('x')).toBe(50)

    for (const c of clients.splice(0)) c.destroy()
    const dataDir = server.dataDir
    await server.stop()
    server = await startServer({ dataDir })
    const c = open(id, keys.viewer)
    await synced(c)
    expect(noteTexts(c)).toEqual(['from Alice', 'from Bob'])
    expect(objectsOf(c.doc).get(noteA)?.get('x')).toBe(50)
  })
})
