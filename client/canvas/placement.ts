import type { BoardObject } from '../../shared/schema/kinds'
import { boundsOf } from './objects/bounds'
import type { Rect } from './viewport'

/** Space left between a new note and its neighbours (world units). */
const GAP = 24
/** How many rings of neighbouring slots are tried around the preferred spot before giving up. */
const RINGS = 3

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/**
 * Where to put a new object of `size` that would like to be at `preferred`: there if it is free,
 * else the nearest free slot in rings of note-sized steps around it (nearest first, rightwards
 * before leftwards), so a new note never lands on top of another one and hides it.
 */
export function freeSpot(taken: readonly Rect[], preferred: Rect): Rect {
  const stepX = preferred.w + GAP
  const stepY = preferred.h + GAP
  const slots: { dx: number; dy: number }[] = [{ dx: 0, dy: 0 }]
  for (let ring = 1; ring <= RINGS; ring++) {
    const ringSlots: { dx: number; dy: number }[] = []
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) ringSlots.push({ dx, dy })
      }
    }
    ringSlots.sort((a, b) => Math.hypot(a.dx, a.dy) - Math.hypot(b.dx, b.dy) || b.dx - a.dx || b.dy - a.dy)
    slots.push(...ringSlots)
  }
  for (const { dx, dy } of slots) {
    const spot = { ...preferred, x: preferred.x + dx * stepX, y: preferred.y + dy * stepY }
    if (!taken.some((r) => overlaps(r, spot))) return spot
  }
  return preferred
}

/**
 * Boxes a new object should not cover. Frames are not in the way: a note made while someone looks
 * at a frame belongs in it (as in FigJam's sections), not pushed outside it to the edge of the view.
 */
export const obstacles = (objects: readonly BoardObject[]): Rect[] =>
  objects.filter((o) => o.kind !== 'frame').map(boundsOf)
