import type { Rect } from '../viewport'

/** Snapping pulls an edge to another's within this many screen pixels. */
export const SNAP_DISTANCE_PX = 8

export interface SnapResult {
  /** How far to shift the moving box so an edge (or centre) lines up. */
  readonly dx: number
  readonly dy: number
  /** World x of the vertical guide line drawn, if it snapped on x; likewise y. */
  readonly guideX: number | null
  readonly guideY: number | null
}

/** Left, centre and right (or top, middle, bottom) of a box along one axis. */
const stops = (start: number, size: number): number[] => [start, start + size / 2, start + size]

function bestAlign(
  mine: number[],
  theirs: number[],
  threshold: number,
): { shift: number; at: number } | null {
  let best: { shift: number; at: number } | null = null
  for (const m of mine) {
    for (const t of theirs) {
      const shift = t - m
      if (Math.abs(shift) <= threshold && (!best || Math.abs(shift) < Math.abs(best.shift)))
        best = { shift, at: t }
    }
  }
  return best
}

/**
 * Where a dragged box should go so its edges or centre line up with another object's, on each axis
 * independently, if one is within `threshold` (world units). Pure, so it is unit-tested.
 */
export function snapRect(moving: Rect, others: readonly Rect[], threshold: number): SnapResult {
  const xs = others.flatMap((r) => stops(r.x, r.w))
  const ys = others.flatMap((r) => stops(r.y, r.h))
  const x = bestAlign(stops(moving.x, moving.w), xs, threshold)
  const y = bestAlign(stops(moving.y, moving.h), ys, threshold)
  return { dx: x?.shift ?? 0, dy: y?.shift ?? 0, guideX: x?.at ?? null, guideY: y?.at ?? null }
}
