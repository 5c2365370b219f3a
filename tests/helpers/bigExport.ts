import { createHash, randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { toExportJson, type ExportedImage } from '../../shared/export/json'
import type { BoardObject } from '../../shared/schema/kinds'
import { obj, snapshotOf } from './exportFixtures'

export interface BigExportOptions {
  /** Notes on the board, each with `noteChars` characters of text. */
  readonly notes: number
  readonly noteChars: number
  /** Photos of random pixels (they barely compress): about 3·side² bytes each. */
  readonly images: number
  readonly imageSide: number
}

/** A large but valid session export, as JSON text: many long notes and several big photos. */
export async function bigExport(o: BigExportOptions): Promise<string> {
  const images: Record<string, ExportedImage> = {}
  const objects: BoardObject[] = []
  for (let i = 0; i < o.images; i++) {
    const side = o.imageSide
    const bytes = await sharp(randomBytes(side * side * 3), {
      raw: { width: side, height: side, channels: 3 },
    })
      .png({ compressionLevel: 1 })
      .toBuffer()
    const src = createHash('sha256').update(bytes).digest('hex')
    images[src] = { mime: 'image/png', data: bytes.toString('base64') }
    objects.push(obj('image', `img-${i}`, { x: i * 500, props: { src, w: 400, h: 400, mime: 'image/png' } }))
  }
  const words = 'we listened to each other and wrote down what matters to the neighbourhood '
  const text = words.repeat(Math.ceil(o.noteChars / words.length)).slice(0, o.noteChars)
  for (let i = 0; i < o.notes; i++)
    objects.push(obj('sticky', `note-${i}`, { x: (i % 100) * 220, y: Math.floor(i / 100) * 220, text }))
  return JSON.stringify(toExportJson(snapshotOf(objects), images))
}
