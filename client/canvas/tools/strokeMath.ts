/**
 * Pure geometry of pen strokes: smoothing the raw pointer trail before it is stored, and hit-testing
 * for the eraser. Points are flat [x0, y0, x1, y1, …] arrays, as Konva's Line takes them.
 */
import type { Point } from '../viewport'

/** Raw points closer than this (world units at 100% zoom) add only jitter and bytes. */
export const MIN_POINT_DISTANCE = 2
/** How far simplification may move the line (world units at 100% zoom); below what the eye sees. */
export const SIMPLIFY_TOLERANCE = 0.75

/** Drops points closer than `minDist` to the last kept one; the first and last points always stay. */
export function dropClosePoints(points: readonly number[], minDist: number): number[] {
  if (points.length <= 4) return [...points]
  const out = [points[0]!, points[1]!]
  const lastIndex = points.length - 2
  for (let i = 2; i < lastIndex; i += 2) {
    const px = out[out.length - 2]!
    const py = out[out.length - 1]!
    if (Math.hypot(points[i]! - px, points[i + 1]! - py) >= minDist) out.push(points[i]!, points[i + 1]!)
  }
  out.push(points[lastIndex]!, points[lastIndex + 1]!)
  return out
}

/** Distance from point p to the segment a–b. */
export function pointToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

const at = (points: readonly number[], i: number): Point => ({ x: points[i * 2]!, y: points[i * 2 + 1]! })

/**
 * Ramer–Douglas–Peucker simplification: keeps only the points that bend the line by more than
 * `tolerance`. Iterative (an explicit stack), so a long scribble cannot overflow the call stack.
 */
export function simplifyPoints(points: readonly number[], tolerance: number): number[] {
  const count = points.length / 2
  if (count <= 2) return [...points]
  const keep = new Uint8Array(count)
  keep[0] = 1
  keep[count - 1] = 1
  const stack: [number, number][] = [[0, count - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop()!
    let worst = -1
    let worstDist = tolerance
    for (let i = first + 1; i < last; i++) {
      const d = pointToSegment(at(points, i), at(points, first), at(points, last))
      if (d > worstDist) {
        worst = i
        worstDist = d
      }
    }
    if (worst < 0) continue
    keep[worst] = 1
    stack.push([first, worst], [worst, last])
  }
  const out: number[] = []
  for (let i = 0; i < count; i++) if (keep[i]) out.push(points[i * 2]!, points[i * 2 + 1]!)
  return out
}

/** The stored form of a drawn trail: close points dropped, then simplified (both scale with zoom). */
export function smoothStroke(points: readonly number[], scale = 1): number[] {
  const s = scale > 0 ? scale : 1
  return simplifyPoints(dropClosePoints(points, MIN_POINT_DISTANCE / s), SIMPLIFY_TOLERANCE / s)
}

/** A stroke's placement: the first point becomes the object's x/y, the points are relative to it. */
export function toRelative(points: readonly number[]): { x: number; y: number; points: number[] } {
  const x = points[0] ?? 0
  const y = points[1] ?? 0
  const round = (v: number) => Math.round(v * 10) / 10
  return { x, y, points: points.map((v, i) => round(v - (i % 2 === 0 ? x : y))) }
}

/** Cuts a long trail into pieces of at most `maxCoords` numbers that join end to start. */
export function splitPoints(points: readonly number[], maxCoords: number): number[][] {
  const size = Math.max(4, maxCoords - (maxCoords % 2))
  if (points.length <= size) return [[...points]]
  const pieces: number[][] = []
  // each piece starts at the previous piece's last point, so the line stays unbroken
  for (let start = 0; start < points.length - 2; start += size - 2)
    pieces.push(points.slice(start, start + size))
  return pieces
}

/** Do segments a1–a2 and b1–b2 cross? */
function segmentsCross(a1: Point, a2: Point, b1: Point, b2: Point): boolean {
  const cross = (o: Point, p: Point, q: Point) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x)
  const d1 = cross(b1, b2, a1)
  const d2 = cross(b1, b2, a2)
  const d3 = cross(a1, a2, b1)
  const d4 = cross(a1, a2, b2)
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
}

/** Shortest distance between segments a1–a2 and b1–b2 (0 where they cross). */
export function segmentDistance(a1: Point, a2: Point, b1: Point, b2: Point): number {
  if (segmentsCross(a1, a2, b1, b2)) return 0
  return Math.min(
    pointToSegment(a1, b1, b2),
    pointToSegment(a2, b1, b2),
    pointToSegment(b1, a1, a2),
    pointToSegment(b2, a1, a2),
  )
}

export interface StrokeShape {
  readonly x: number
  readonly y: number
  readonly points: readonly number[]
  readonly width: number
}

/**
 * Does the eraser, moving from `from` to `to` (world) with `radius`, touch this stroke? Testing the
 * eraser's whole path (not only where the pointer was sampled) means a fast swipe misses nothing.
 */
export function eraserTouches(stroke: StrokeShape, from: Point, to: Point, radius: number): boolean {
  const reach = radius + stroke.width / 2
  const p = stroke.points
  const a = { x: from.x - stroke.x, y: from.y - stroke.y }
  const b = { x: to.x - stroke.x, y: to.y - stroke.y }
  if (p.length === 2) return pointToSegment(at(p, 0), a, b) <= reach
  for (let i = 0; i + 3 < p.length; i += 2) {
    const s1 = { x: p[i]!, y: p[i + 1]! }
    const s2 = { x: p[i + 2]!, y: p[i + 3]! }
    if (segmentDistance(a, b, s1, s2) <= reach) return true
  }
  return false
}
