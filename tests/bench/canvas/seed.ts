import sharp from 'sharp'
import * as Y from 'yjs'
import { addObject } from '../../../shared/ops/objects'
import { createOrigin } from '../../../shared/ops/origin'
import { boardRoom, controlRoom } from '../../../shared/rooms'
import { objectsOf } from '../../../shared/schema/boardDoc'
import { readAgenda, readCanvases } from '../../../shared/schema/controlDoc'
import { readFacilitation } from '../../../shared/schema/facilitation'
import { openSqliteStorage } from '../../../server/storage/sqlite'
import { connect, createSession, synced } from '../../helpers/server'

/** What a benchmark board holds: how many objects, and whether all are notes (else notes, strokes, pictures). */
export interface SeedOptions {
  readonly objects: number
  readonly notesOnly?: boolean
}

/**
 * Creates a collage session and puts `objects` objects on the canvas its page opens on, in rows of
 * 50: six in ten notes with a line of text, three pen strokes, one picture (or notes only). Returns
 * the session, a connected facilitator client, and a few notes' ids to type into.
 */
export async function seedBoard(http: string, ws: string, dataDir: string, options: SeedOptions) {
  const OBJECTS = options.objects
  const session = await createSession(http, 'collage', 'Benchmark board')
  const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#7aa6c2' } })
    .png()
    .toBuffer()
  const up = await fetch(`${http}/api/sessions/${session.id}/images?key=${session.keys.facilitator}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(png),
  })
  const { src } = (await up.json()) as { src: string }
  const storage = openSqliteStorage(dataDir)
  const control = new Y.Doc()
  for (const u of await storage.load(controlRoom(session.id))) Y.applyUpdate(control, u)
  storage.close()
  // the canvas the page opens on: the current step's (a new session's first step), else the first
  const stepCanvas = readAgenda(control)[readFacilitation(control).step]?.canvas
  const canvas = readCanvases(control).find((c) => c.id === stepCanvas)?.id ?? readCanvases(control)[0]!.id
  const client = connect(ws, boardRoom(session.id), session.keys.facilitator)
  await synced(client)
  const who = createOrigin('bench', 'Bench')
  const cols = 50
  let firstNote = ''
  const notes: string[] = []
  // in updates of 200 objects: one update may hold 1 MiB (UPDATE_MAX_BYTES)
  for (let from = 0; from < OBJECTS; from += 200)
    client.doc.transact(() => {
      for (let i = from; i < Math.min(OBJECTS, from + 200); i++) {
        const x = (i % cols) * 240
        const y = Math.floor(i / cols) * 240
        const k = i % 10
        if (k < 6 || options.notesOnly) {
          const id = addObject(
            client.doc,
            { kind: 'sticky', canvas, x, y, text: `Note ${i}: what we heard today` },
            who,
          )
          if (!firstNote) firstNote = id
          if (notes.length < 5) notes.push(id)
        } else if (k < 9) {
          const points = Array.from({ length: 40 }, (_, j) => [j * 4, Math.sin(j / 3) * 30]).flat()
          addObject(client.doc, { kind: 'stroke', canvas, x, y: y + 100, props: { points, width: 4 } }, who)
        } else {
          addObject(
            client.doc,
            {
              kind: 'image',
              canvas,
              x,
              y,
              props: { src, w: 200, h: 150, alt: `Picture ${i}`, mime: 'image/png' },
            },
            who,
          )
        }
      }
    }, who)
  // the board is stored once another client sees every object
  const check = connect(ws, boardRoom(session.id), session.keys.viewer)
  await synced(check)
  while (objectsOf(check.doc).size < OBJECTS) await new Promise((r) => setTimeout(r, 50))
  check.destroy()
  return { session, client, firstNote, notes, who, canvas }
}
