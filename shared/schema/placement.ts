import { boundsOf, intersects, type Rect } from './geometry'
import type { BoardObject } from './kinds'

/** Space left between a new note and its neighbours (world units). */
const GAP = 24
/** How many rings of neighbouring slots are tried around the preferred spot, unless told otherwise. */
const RINGS = 3

/**
 * Where to put a new object of `size` that would like to be at `preferred`: there if it is free,
 * else the nearest free slot in rings of object-sized steps around it (nearest first, measured in
 * world units, so a wide text box tries below before beside; rightwards before leftwards), so a
 * new note never lands on top of another one and hides it. With `within` (the part of the board on
 * the person's screen), slots wholly inside it come first: a new object appears where its maker is
 * looking, not on a page of the board they cannot see, unless the screen has no room left. With
 * every slot of `rings` rings taken, the preferred spot after all.
 */
export function freeSpot(taken: readonly Rect[], preferred: Rect, rings = RINGS, within?: Rect): Rect {
  const stepX = preferred.w + GAP
  const stepY = preferred.h + GAP
  // only what lies within the rings can be in the way
  const reach = { x: preferred.x - rings * stepX, y: preferred.y - rings * stepY }
  const area = { ...reach, w: (2 * rings + 1) * stepX, h: (2 * rings + 1) * stepY }
  const near = taken.filter((r) => intersects(r, area))
  const slots: { dx: number; dy: number }[] = []
  for (let dx = -rings; dx <= rings; dx++) for (let dy = -rings; dy <= rings; dy++) slots.push({ dx, dy })
  const away = ({ dx, dy }: { dx: number; dy: number }): number => Math.hypot(dx * stepX, dy * stepY)
  slots.sort((a, b) => away(a) - away(b) || b.dx - a.dx || b.dy - a.dy)
  const spots = slots.map(({ dx, dy }) => ({
    ...preferred,
    x: preferred.x + dx * stepX,
    y: preferred.y + dy * stepY,
  }))
  const free = (spot: Rect): boolean => !near.some((r) => intersects(r, spot))
  // on the screen if there is room there; else the nearest free slot after all (never on top of
  // another object, where it would hide it: the board moves to show a new note, see addSticky)
  const onScreen = within ? spots.find((spot) => inside(spot, within) && free(spot)) : undefined
  return onScreen ?? spots.find(free) ?? preferred
}

const inside = (r: Rect, outer: Rect): boolean =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h

/**
 * Boxes a new object should not cover. Frames are not in the way: a note made while someone looks
 * at a frame belongs in it (as in FigJam's sections), not pushed outside it to the edge of the view.
 */
export const obstacles = (objects: readonly BoardObject[]): Rect[] => objects.filter(isObstacle).map(boundsOf)

/** Whether a new object should keep clear of this one (see `obstacles`). */
export const isObstacle = (object: BoardObject): boolean => object.kind !== 'frame'
