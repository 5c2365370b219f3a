/** Where the camera is: screen = world × scale + (x, y). Plain data, one per canvas. */
export interface Viewport {
  readonly x: number
  readonly y: number
  readonly scale: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Rect extends Point {
  readonly w: number
  readonly h: number
}

export const MIN_SCALE = 0.1
export const MAX_SCALE = 4
/** One press of + or - zooms by this factor. */
export const ZOOM_STEP = 1.25
/** Screen pixels kept free around the content when zooming to fit. */
const FIT_MARGIN = 48

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))

/** A fresh view of a canvas: 100%, with the world's origin in the middle of the screen. */
export const defaultViewport = (size: Size): Viewport => ({ x: size.width / 2, y: size.height / 2, scale: 1 })

export const screenToWorld = (v: Viewport, p: Point): Point => ({
  x: (p.x - v.x) / v.scale,
  y: (p.y - v.y) / v.scale,
})

export const worldToScreen = (v: Viewport, p: Point): Point => ({
  x: p.x * v.scale + v.x,
  y: p.y * v.scale + v.y,
})

/** The world point under the middle of the screen. */
export const viewCenter = (v: Viewport, size: Size): Point =>
  screenToWorld(v, { x: size.width / 2, y: size.height / 2 })

/** Zooms to `scale`, keeping the world point under the screen point `anchor` where it is. */
export function zoomAt(v: Viewport, anchor: Point, scale: number): Viewport {
  const next = clampScale(scale)
  const world = screenToWorld(v, anchor)
  return { scale: next, x: anchor.x - world.x * next, y: anchor.y - world.y * next }
}

/** Moves the camera by a screen distance. */
export const panBy = (v: Viewport, dx: number, dy: number): Viewport => ({ ...v, x: v.x + dx, y: v.y + dy })

/** The view that shows every rectangle, never zooming in past 100% (small content stays readable). */
export function fitRects(rects: readonly Rect[], size: Size): Viewport {
  if (rects.length === 0) return defaultViewport(size)
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const r of rects) {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.w)
    maxY = Math.max(maxY, r.y + r.h)
  }
  const availW = Math.max(1, size.width - FIT_MARGIN * 2)
  const availH = Math.max(1, size.height - FIT_MARGIN * 2)
  const scale = clampScale(Math.min(1, availW / (maxX - minX || 1), availH / (maxY - minY || 1)))
  const cx = (minX + maxX) / 2
  const cy = (minY + maxY) / 2
  return { scale, x: size.width / 2 - cx * scale, y: size.height / 2 - cy * scale }
}
