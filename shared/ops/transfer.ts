import * as Y from 'yjs'
import { objectsOf, TEXT_KEY } from '../schema/boardDoc'
import { readRichText, writeRichText } from '../schema/richText'

/**
 * Moves every object of one document into another, keeping ids, authors and times (private notes
 * revealed onto the board). Each side changes in one transaction with the given origin; returns how
 * many objects moved. Objects already on the target (same id) are left there and removed from the source.
 */
export function transferAllObjects(from: Y.Doc, to: Y.Doc, origin: unknown): number {
  const source = objectsOf(from)
  const ids = [...source.keys()]
  if (ids.length === 0) return 0
  let moved = 0
  to.transact(() => {
    const target = objectsOf(to)
    const topZ = new Map<string, number>()
    for (const obj of target.values()) {
      const canvas = obj.get('canvas')
      const z = obj.get('z')
      if (typeof canvas === 'string' && typeof z === 'number')
        topZ.set(canvas, Math.max(topZ.get(canvas) ?? 0, z))
    }
    for (const id of ids) {
      const original = source.get(id)
      if (!original || target.has(id)) continue
      const copy = new Y.Map<unknown>()
      let rich: ReturnType<typeof readRichText> | null = null
      for (const [key, value] of original.entries()) {
        if (key === TEXT_KEY && value instanceof Y.XmlFragment) {
          rich = readRichText(value)
          copy.set(TEXT_KEY, new Y.XmlFragment())
        } else if (!(value instanceof Y.AbstractType)) copy.set(key, value)
      }
      // read from the original: a map not yet in a document must not be read
      const canvas = original.get('canvas')
      if (typeof canvas === 'string') {
        const z = (topZ.get(canvas) ?? 0) + 1
        topZ.set(canvas, z)
        copy.set('z', z)
      }
      target.set(id, copy)
      const fragment = copy.get(TEXT_KEY)
      if (rich && fragment instanceof Y.XmlFragment) writeRichText(fragment, rich)
      moved++
    }
  }, origin)
  from.transact(() => {
    for (const id of ids) source.delete(id)
  }, origin)
  return moved
}
