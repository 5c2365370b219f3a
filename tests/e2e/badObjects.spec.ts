import { expect, test } from './fixtures'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { objectsOf, readObject, writeObject } from '../../shared/schema/boardDoc'
import { readAgenda } from '../../shared/schema/controlDoc'
import { openSqliteStorage } from '../../server/storage/sqlite'
import { join, openListView } from './helpers'

/** A stock y-websocket client in the test process, standing in for an older, newer or hostile app. */
function connect(baseURL: string, room: string, key: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseURL.replace('http', 'ws')}/ws`, room, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { doc, provider, synced }
}

test('objects of unknown kinds or with invalid props never blank the board', async ({
  page,
  request,
  baseURL,
}) => {
  const res = await request.post('/api/sessions', { data: { template: 'collage', title: 'Mixed versions' } })
  const { id, links } = (await res.json()) as { id: string; links: { participant: string } }
  const key = new URL(links.participant, baseURL).searchParams.get('key')!
  const control = connect(baseURL!, controlRoom(id), key)
  await control.synced
  // the canvas a session opens on: its first step's
  const canvas = readAgenda(control.doc)[0]!.canvas
  const who = createOrigin('u-old', 'Olga')
  // Objects an older, newer or damaged app wrote: today's relay refuses such updates, so they go
  // straight into the session's stored board, as a document written before the rules would hold
  // them (the board room is not open yet: it loads them when the first person comes in).
  const planted = new Y.Doc()
  // above the collage's frames, so the list view shows it on its own
  addObject(planted, { kind: 'sticky', canvas, x: 0, y: -600, text: 'Still here' }, who)
  planted.transact(() => {
    const base = { canvas, x: 300, y: 0, z: 5, createdBy: 'u-new', author: 'Nadia', createdAt: Date.now() }
    const hologram = writeObject({
      ...base,
      id: 'future-1',
      kind: 'sticky',
      props: { w: 10, h: 10, color: 'yellow' },
    })
    hologram.set('kind', 'hologram')
    objectsOf(planted).set('future-1', hologram)
    const badColour = writeObject({
      ...base,
      id: 'bad-2',
      kind: 'sticky',
      props: { w: 10, h: 10, color: 'yellow' },
    })
    badColour.set('color', 'ultraviolet')
    objectsOf(planted).set('bad-2', badColour)
    const newer = writeObject({
      ...base,
      id: 'newer-3',
      kind: 'sticky',
      props: { w: 10, h: 10, color: 'yellow' },
    })
    newer.set('v', 99)
    objectsOf(planted).set('newer-3', newer)
  }, who)
  const storage = openSqliteStorage(process.env.E2E_DATA_DIR!)
  await storage.append([{ room: id, update: Y.encodeStateAsUpdate(planted) }])
  storage.close()
  const board = connect(baseURL!, id, key)
  await board.synced

  await page.goto(links.participant)
  await join(page, 'Pat')
  const list = await openListView(page)
  await expect(list.getByRole('listitem').filter({ hasText: 'Still here' })).toBeVisible()
  await expect(
    page.getByText('3 objects on this canvas can’t be shown by this version of the app.'),
  ).toBeVisible()
  await expect(page.getByRole('toolbar', { name: 'Tools' })).toBeVisible()
  // the page keeps working: a new note still goes through
  await page.getByRole('button', { name: 'Add note' }).click()
  await page.keyboard.type('Added after')
  const texts = () =>
    [...objectsOf(board.doc).entries()]
      .map(([oid, m]) => readObject(oid, m))
      .flatMap((r) => (r.ok ? [r.object.text] : []))
  await expect.poll(texts).toContain('Added after')
  control.provider.destroy()
  board.provider.destroy()
})
