import { boundsOf, intersects, type Rect } from './geometry'
import type { BoardObject } from './kinds'

/** Space left between a new note and its neighbours (world units). */
const GAP = 24
/** How many rings of neighbouring slots are tried around the preferred spot, unless told otherwise. */
const RINGS = 3

/**
 * Where to put a new object of `size` that would like to be at `preferred`: there if it is free,
 * else the nearest free slot in rings of note-sized steps around it (nearest first, rightwards
 * before leftwards), so a new note never lands on top of another one and hides it. With every slot
 * of `rings` rings taken, the preferred spot after all.
 */
export function freeSpot(taken: readonly Rect[], preferred: Rect, rings = RINGS): Rect {
  const stepX = preferred.w + GAP
  const stepY = preferred.h + GAP
  // only what lies within the rings can be in the way
  const reach = { x: preferred.x - rings * stepX, y: preferred.y - rings * stepY }
  const area = { ...reach, w: (2 * rings + 1) * stepX, h: (2 * rings + 1) * stepY }
  const near = taken.filter((r) => intersects(r, area))
  const slots: { dx: number; dy: number }[] = [{ dx: 0, dy: 0 }]
  for (let ring = 1; ring <= rings; ring++) {
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
    if (!near.some((r) => intersects(r, spot))) return spot
  }
  return preferred
}

/**
 * Boxes a new object should not cover. Frames are not in the way: a note made while someone looks
 * at a frame belongs in it (as in FigJam's sections), not pushed outside it to the edge of the view.
 */
export const obstacles = (objects: readonly BoardObject[]): Rect[] => objects.filter(isObstacle).map(boundsOf)

/** Whether a new object should keep clear of this one (see `obstacles`). */
export const isObstacle = (object: BoardObject): boolean => object.kind !== 'frame'
