import * as Y from 'yjs'
import { objectsOf, readObject, TEXT_KEY } from '../schema/boardDoc'
import { LIMITS } from '../schema/limits'
import { isSafeToDelete, typeNestsDeeperThan } from '../schema/nesting'
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
}

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
    plan.push({ id, fields, canvas: read.object.canvas, rich })
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
    for (const { id, fields, canvas, rich } of plan) {
      // a readable object already there stays; an unreadable entry under the same id is replaced
      const there: unknown = target.get(id)
      const kept = there !== undefined && readObject(id, there).ok
      if (there !== undefined && !kept && !isSafeToDelete(there, OBJECT_MAX_DEPTH)) {
        skipped.add('objects')
        continue
      }
      taken.push(id)
      if (kept) continue
      const copy = new Y.Map<unknown>()
      for (const [key, value] of fields) copy.set(key, value)
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
