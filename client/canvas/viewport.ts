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

/** The view at the same zoom with the world point `p` in the middle of the screen ("Go to"). */
export const centerOn = (v: Viewport, size: Size, p: Point): Viewport => ({
  scale: v.scale,
  x: size.width / 2 - p.x * v.scale,
  y: size.height / 2 - p.y * v.scale,
})

/** Two fingers on the screen, in screen coordinates. */
export type TouchPair = readonly [Point, Point]

const distance = ([a, b]: TouchPair): number => Math.hypot(b.x - a.x, b.y - a.y)
const midpoint = ([a, b]: TouchPair): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })

/**
 * The view while pinching, computed from where the gesture started (not step by step, so rounding
 * never drifts): the world point first under the fingers' midpoint stays under their midpoint, and
 * the zoom follows the change in distance between them. Moving both fingers together pans.
 */
export function pinchViewport(start: Viewport, from: TouchPair, to: TouchPair): Viewport {
  const before = distance(from)
  const ratio = before > 0 ? distance(to) / before : 1
  const scale = clampScale(start.scale * ratio)
  const anchor = screenToWorld(start, midpoint(from))
  const now = midpoint(to)
  return { scale, x: now.x - anchor.x * scale, y: now.y - anchor.y * scale }
}

/** Wheel notches feel right at this zoom rate (per pixel of wheel delta). */
const WHEEL_ZOOM_RATE = 0.0025
/** A "line" of wheel delta (Firefox with some mice) in pixels; a "page" is a screen's height. */
const LINE_PX = 16

/** The parts of a wheel event the view cares about (a plain shape, so it can be unit-tested). */
export interface WheelInput {
  readonly deltaX: number
  readonly deltaY: number
  readonly deltaMode: number
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
}

/**
 * What a wheel or trackpad does to the view: with Ctrl (or ⌘, and a trackpad pinch, which the
 * browser reports as Ctrl+wheel) it zooms about the pointer; otherwise it pans, and Shift turns a
 * plain mouse wheel's vertical scroll into a horizontal one.
 */
export function wheelViewport(v: Viewport, e: WheelInput, pointer: Point, size: Size): Viewport {
  const unit = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? size.height : 1
  let dx = e.deltaX * unit
  let dy = e.deltaY * unit
  if (e.ctrlKey || e.metaKey) return zoomAt(v, pointer, v.scale * Math.exp(-dy * WHEEL_ZOOM_RATE))
  if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0]
  return panBy(v, -dx, -dy)
}

/**
 * Screen pixels kept between a revealed object and the edge of the view: more above and below,
 * where the selection bar and the phone toolbar float over the board.
 */
const REVEAL_MARGIN = { x: 16, y: 80 }

/**
 * The part of the board on screen (world units), less the margins kept clear for the bars over it:
 * where a new object placed "in the middle of the view" may go (see freeSpot's `within`).
 */
export function onScreen(v: Viewport, size: Size): Rect {
  const topLeft = screenToWorld(v, REVEAL_MARGIN)
  const w = Math.max(0, size.width - 2 * REVEAL_MARGIN.x) / v.scale
  const h = Math.max(0, size.height - 2 * REVEAL_MARGIN.y) / v.scale
  return { ...topLeft, w, h }
}

/**
 * The view moved as little as possible so that `rect` (world) is on screen, at the same zoom; the
 * same view when it already is. On a phone a new note's free spot is often past the edge.
 */
export function revealRect(v: Viewport, size: Size, rect: Rect): Viewport {
  const shift = (start: number, length: number, view: number, margin: number): number => {
    const end = start + length
    if (length + 2 * margin > view) return margin - start // too big: show its start
    if (start < margin) return margin - start
    if (end > view - margin) return view - margin - end
    return 0
  }
  const topLeft = worldToScreen(v, rect)
  const dx = shift(topLeft.x, rect.w * v.scale, size.width, REVEAL_MARGIN.x)
  const dy = shift(topLeft.y, rect.h * v.scale, size.height, REVEAL_MARGIN.y)
  return dx === 0 && dy === 0 ? v : panBy(v, dx, dy)
}
