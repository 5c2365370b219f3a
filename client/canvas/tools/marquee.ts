import type { Point, Rect } from '../viewport'

/** The box spanned by two corners, whichever way the drag went. */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) }
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h

const inside = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

export interface MarqueeItem {
  readonly id: string
  readonly bounds: Rect
  /** Frames are chosen only when wholly inside the marquee: selecting notes in a frame must not grab it. */
  readonly container: boolean
}

/** Ids of the items a marquee selects: those it touches, and containers it wholly covers. */
export function idsInMarquee(items: readonly MarqueeItem[], area: Rect): string[] {
  return items
    .filter((i) => (i.container ? inside(area, i.bounds) : overlaps(area, i.bounds)))
    .map((i) => i.id)
}
