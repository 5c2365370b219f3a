import * as Y from 'yjs'
import { objectsOf, readObject, TEXT_KEY } from '../schema/boardDoc'
import { boundsOf, intersects, type Rect } from '../schema/geometry'
import { LIMITS } from '../schema/limits'
import { isSafeToDelete, typeNestsDeeperThan } from '../schema/nesting'
import { freeSpot, isObstacle } from '../schema/placement'
import { readRichText, writeRichText, type RichNode } from '../schema/richText'
import { skipCounter, type Skipped } from '../schema/skipped'

/** An object's map holds its text (1 level), which holds at most the rich-text limit. */
const OBJECT_MAX_DEPTH = LIMITS.richTextMaxDepth + 1

/** One object read from the source, ready to be written: its plain fields and its rich text. */
interface Planned {
  readonly id: string
  readonly fields: readonly (readonly [string, unknown])[]
  readonly canvas: string
  readonly rich: RichNode[] | null
  /** Its box where it is now, or null for a frame (which nothing is kept out of). */
  readonly box: Rect | null
}

/**
 * How far out a moved object looks for a free spot: private notes written at the middle of one view
 * all start on the same spot, and a room of 60 reveals a few each (15 × 15 slots).
 */
const REVEAL_RINGS = 7

/**
 * Moves every object of one document into another, keeping ids, authors and times (private notes
 * revealed onto the board). Everything is read and checked before anything is written, so an entry
 * that cannot be read (a string where an object belongs, fields of the wrong type, text nested
 * deeper than the limit) is skipped, left where it is and counted, and never leaves the move half-done. Each side then changes in one
 * transaction with the given origin. Objects already on the target (same id) are left there and
 * removed from the source.
 */
export function transferAllObjects(
  from: Y.Doc,
  to: Y.Doc,
  origin: unknown,
  boxes: Boxes = boxesOn(to),
): { moved: number; skipped: Skipped } {
  const skipped = skipCounter()
  const source = objectsOf(from)
  const plan: Planned[] = []
  for (const [id, original] of source.entries()) {
    const read = readObject(id, original)
    // deleting a type nested deeper than any editor writes would overflow Yjs's stack: it stays
    if (!read.ok || typeNestsDeeperThan(original, OBJECT_MAX_DEPTH)) {
      skipped.add('objects')
      continue
    }
    const fields: [string, unknown][] = []
    let rich: RichNode[] | null = null
    for (const [key, value] of original.entries()) {
      if (key === TEXT_KEY && value instanceof Y.XmlFragment) rich = readRichText(value)
      else if (!(value instanceof Y.AbstractType)) fields.push([key, value])
    }
    const box = read.object.kind === 'frame' ? null : boundsOf(read.object)
    plan.push({ id, fields, canvas: read.object.canvas, rich, box })
  }
  if (plan.length === 0) return { moved: 0, skipped: skipped.counts }
  let moved = 0
  const taken: string[] = []
  to.transact(() => {
    const target = objectsOf(to)
    const topZ = new Map<string, number>()
    for (const obj of target.values()) {
      if (!(obj instanceof Y.Map)) continue
      const canvas = obj.get('canvas')
      const z = obj.get('z')
      if (typeof canvas === 'string' && typeof z === 'number' && Number.isFinite(z))
        topZ.set(canvas, Math.max(topZ.get(canvas) ?? 0, z))
    }
    for (const { id, fields, canvas, rich, box } of plan) {
      // a readable object already there stays; an unreadable entry under the same id is replaced
      const there: unknown = target.get(id)
      const kept = there !== undefined && readObject(id, there).ok
      if (there !== undefined && !kept && !isSafeToDelete(there, OBJECT_MAX_DEPTH)) {
        skipped.add('objects')
        continue
      }
      taken.push(id)
      if (kept) continue
      // written apart from the others' (each wrote at the middle of the same view): none hidden
      let shift = { x: 0, y: 0 }
      if (box) {
        const around = boxesOf(boxes, canvas)
        const spot = around.some((r) => intersects(r, box)) ? freeSpot(around, box, REVEAL_RINGS) : box
        shift = { x: spot.x - box.x, y: spot.y - box.y }
        around.push(spot)
      }
      const copy = new Y.Map<unknown>()
      for (const [key, value] of fields)
        copy.set(key, key === 'x' || key === 'y' ? (value as number) + shift[key] : value)
      const z = (topZ.get(canvas) ?? 0) + 1
      topZ.set(canvas, z)
      copy.set('z', z)
      if (rich) copy.set(TEXT_KEY, new Y.XmlFragment())
      target.set(id, copy)
      const fragment = copy.get(TEXT_KEY)
      if (rich && fragment instanceof Y.XmlFragment) writeRichText(fragment, rich)
      moved++
    }
  }, origin)
  from.transact(() => {
    for (const id of taken) source.delete(id)
  }, origin)
  return { moved, skipped: skipped.counts }
}

/** Per canvas, the boxes a moved object should not cover (frames aside: landing in one is fine). */
export type Boxes = Map<string, Rect[]>

/**
 * What is on a document now, for placing moved objects. Worked out once for several moves into the
 * same document (Reveal, one private room after another): each move adds what it placed.
 */
export function boxesOn(doc: Y.Doc): Boxes {
  const boxes: Boxes = new Map()
  for (const [id, obj] of objectsOf(doc).entries()) {
    const read = readObject(id, obj)
    if (read.ok && isObstacle(read.object)) boxesOf(boxes, read.object.canvas).push(boundsOf(read.object))
  }
  return boxes
}

function boxesOf(boxes: Boxes, canvas: string): Rect[] {
  let list = boxes.get(canvas)
  if (!list) boxes.set(canvas, (list = []))
  return list
}
