import type { BoardObject } from '../../shared/schema/kinds'
import { boundsOf } from './objects/bounds'
import type { Size, Viewport } from './viewport'
import type { LayerArea } from './windowLayer'

/**
 * Objects that changed in the last moments (a note someone is typing into) are drawn on a Konva
 * layer of their own, above the others. A layer redraws all of its nodes when one of them changes,
 * so a keystroke then redraws a few notes instead of every object in view. An object is moved up
 * only where that changes no pixel: nothing later in the drawing order overlaps it.
 */

/** How long after its last change an object stays on the layer of changing objects. */
export const HOT_FOR_MS = 2500

/** At most this many: a change to more objects at once (an import, a group move) is not typing. */
export const MAX_HOT = 8

/**
 * The ids of objects whose snapshot is new in `next` (changed or added), or null when more than
 * `MAX_HOT` are. Unchanged objects keep their snapshot, so this is a walk comparing references.
 * Objects already `warm` (typed into lately: the list catches up with many at once) do not count
 * towards `MAX_HOT`.
 */
export function changedObjects(
  prev: readonly BoardObject[] | null,
  next: readonly BoardObject[],
  warm: ReadonlyMap<string, unknown> = new Map(),
): string[] | null {
  if (!prev || prev === next) return []
  const changed: string[] = []
  let counted = 0
  const add = (id: string): boolean => {
    changed.push(id)
    if (!warm.has(id)) counted++
    return counted <= MAX_HOT
  }
  const sameOrder = prev.length === next.length && next.every((o, i) => prev[i]!.id === o.id)
  if (sameOrder) {
    for (let i = 0; i < next.length; i++) if (next[i] !== prev[i] && !add(next[i]!.id)) return null
    return changed
  }
  const before = new Map(prev.map((o) => [o.id, o]))
  for (const o of next) if (before.get(o.id) !== o && !add(o.id)) return null
  return changed
}

/**
 * Which of the `candidates` may be drawn above everything else in view without changing the
 * picture: no object after it in `visible` (the drawing order) overlaps it.
 */
export function drawableOnTop(visible: readonly BoardObject[], candidates: ReadonlySet<string>): Set<string> {
  const on = new Set<string>()
  if (candidates.size === 0) return on
  const at = new Map<string, number>()
  visible.forEach((o, i) => {
    if (candidates.has(o.id)) at.set(o.id, i)
  })
  for (const [id, index] of at) {
    const b = boundsOf(visible[index]!)
    let covered = false
    for (let i = index + 1; i < visible.length && !covered; i++) {
      const c = boundsOf(visible[i]!)
      covered = c.x < b.x + b.w && b.x < c.x + c.w && c.y < b.y + b.h && b.y < c.y + c.h
    }
    if (!covered) on.add(id)
  }
  return on
}

/** Splits the objects in view into those drawn on the main layer and those drawn above it. */
export function splitByHeat(
  visible: readonly BoardObject[],
  hot: ReadonlySet<string>,
): { readonly cold: readonly BoardObject[]; readonly warm: readonly BoardObject[] } {
  if (hot.size === 0) return { cold: visible, warm: [] }
  const cold: BoardObject[] = []
  const warm: BoardObject[] = []
  for (const o of visible) (hot.has(o.id) ? warm : cold).push(o)
  return { cold, warm }
}

/** Room around objects for what they paint past their bounds (shadows, selection outlines), world units. */
const PAINT_MARGIN = 16

/**
 * The part of the stage (screen pixels) the changing objects paint: the canvas of their layer is
 * this size, so a keystroke hands the compositor a note's worth of pixels, not a view's.
 */
export function areaOf(objects: readonly BoardObject[], v: Viewport, size: Size): LayerArea {
  const none = { x: 0, y: 0, width: 0, height: 0 }
  if (objects.length === 0) return none
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const o of objects) {
    const b = boundsOf(o)
    left = Math.min(left, b.x)
    top = Math.min(top, b.y)
    right = Math.max(right, b.x + b.w)
    bottom = Math.max(bottom, b.y + b.h)
  }
  const x = Math.max(0, v.x + (left - PAINT_MARGIN) * v.scale)
  const y = Math.max(0, v.y + (top - PAINT_MARGIN) * v.scale)
  const x2 = Math.min(size.width, v.x + (right + PAINT_MARGIN) * v.scale)
  const y2 = Math.min(size.height, v.y + (bottom + PAINT_MARGIN) * v.scale)
  // all of them off screen (they are drawn with a margin around the view): nothing to draw
  if (x2 <= x || y2 <= y) return none
  return { x, y, width: x2 - x, height: y2 - y }
}
