/**
 * A large board for the join scenario, in the real document shape (shared/schema): sticky notes
 * with text, pen strokes and images, as `addObject` writes them. Objects are stacked with explicit
 * z values, because `addObject` looks for the top z among all objects each time (quadratic in the
 * board's size: seconds for 5,000 objects, which would only slow the benchmark down).
 */
import * as Y from 'yjs'
import { objectsOf, textOf, writeObject } from '../../../shared/schema/boardDoc'
import { KINDS } from '../../../shared/schema/kinds'
import { writePlainText } from '../../../shared/schema/richText'

const CANVAS = 'bench-canvas'
const COLUMNS = 50
const POINTS = Array.from({ length: 40 }, (_, j) => [j * 4, Math.round(Math.sin(j / 3) * 30)]).flat()

/** Builds `count` objects in transactions of `perUpdate`; returns each transaction's update. */
export function buildBoard(count: number, perUpdate: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const objects = objectsOf(doc)
  const base = { canvas: CANVAS, createdBy: 'bench', author: 'Bench', createdAt: Date.UTC(2026, 0, 1) }
  for (let start = 0; start < count; start += perUpdate) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + perUpdate); i++) {
        const place = {
          ...base,
          id: `o${i}`,
          x: (i % COLUMNS) * 240,
          y: Math.floor(i / COLUMNS) * 240,
          z: i + 1,
        }
        const k = i % 10
        if (k < 6) {
          objects.set(place.id, writeObject({ ...place, kind: 'sticky', props: KINDS.sticky.defaults() }))
          writePlainText(textOf(doc, place.id)!, `Note ${i}: what we heard today`)
        } else if (k < 9) {
          const props = { ...KINDS.stroke.defaults(), points: POINTS, width: 4 }
          objects.set(place.id, writeObject({ ...place, kind: 'stroke', props }))
        } else {
          const props = {
            src: 'a'.repeat(64),
            w: 200,
            h: 150,
            alt: `Picture ${i}`,
            mime: 'image/png' as const,
          }
          objects.set(place.id, writeObject({ ...place, kind: 'image', props }))
        }
      }
    })
  }
  doc.destroy()
  return updates
}
