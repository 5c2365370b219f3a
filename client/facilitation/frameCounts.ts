import { boundsOf, frameContents } from '../../shared/schema/geometry'
import { isNote, type BoardObject } from '../../shared/schema/kinds'

/** The last counts, and the objects they were counted from. */
let last: { objects: readonly BoardObject[]; counts: Map<string, number> } | null = null

/**
 * How many notes lie in each frame. Counting walks every object once per frame; someone typing
 * changes a note's text, not where anything is, so counts are kept while nothing has moved, grown,
 * come or gone (the objects' list compared snapshot by snapshot, unchanged ones being the same).
 */
export function frameNoteCounts(
  frames: readonly BoardObject[],
  objects: readonly BoardObject[],
): ReadonlyMap<string, number> {
  if (last && frames.every((f) => last!.counts.has(f.id)) && sameLayout(last.objects, objects)) {
    last.objects = objects
    return last.counts
  }
  const counts = new Map<string, number>()
  for (const frame of frames) counts.set(frame.id, frameContents(frame, objects).filter(isNote).length)
  last = { objects, counts }
  return counts
}

/** Same objects in the same places: only what is inside them (text, colours, votes) may differ. */
function sameLayout(a: readonly BoardObject[], b: readonly BoardObject[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x === y) continue
    if (x.id !== y.id || x.kind !== y.kind || x.canvas !== y.canvas) return false
    const p = boundsOf(x)
    const q = boundsOf(y)
    if (p.x !== q.x || p.y !== q.y || p.w !== q.w || p.h !== q.h) return false
  }
  return true
}
