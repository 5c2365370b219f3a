import type { BoardObject } from './kinds'
import { TEXT_SIZE_PX } from './kinds/text'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Line height of text relative to its font size, shared by the canvas and layout estimates. */
export const LINE_HEIGHT = 1.3

/** Each snapshot's box, worked out once: snapshots never change, and the canvas asks every render. */
const boxes = new WeakMap<BoardObject, Rect>()

/**
 * The axis-aligned box an object covers on its canvas (rotation ignored). A snapshot's box is kept
 * with it (a stroke's box walks its points, a text's splits its lines: with 2,000 objects in view
 * and a note typed into, the board asked again for every unchanged one).
 */
export function boundsOf(obj: BoardObject): Rect {
  let box = boxes.get(obj)
  if (!box) {
    box = Object.freeze(measure(obj))
    boxes.set(obj, box)
  }
  return box
}

function measure(obj: BoardObject): Rect {
  switch (obj.kind) {
    case 'sticky':
    case 'frame':
    case 'image':
    case 'recipe':
    case 'story':
      return { x: obj.x, y: obj.y, w: obj.props.w, h: obj.props.h }
    case 'text': {
      const lines = Math.max(1, obj.text.split('\n').length)
      return { x: obj.x, y: obj.y, w: obj.props.w, h: lines * TEXT_SIZE_PX[obj.props.size] * LINE_HEIGHT }
    }
    case 'shape': {
      const { w, h } = obj.props
      return { x: Math.min(obj.x, obj.x + w), y: Math.min(obj.y, obj.y + h), w: Math.abs(w), h: Math.abs(h) }
    }
    case 'stroke': {
      const p = obj.props.points
      let minX = Infinity
      let minY = Infinity
      let maxX = -Infinity
      let maxY = -Infinity
      for (let i = 0; i + 1 < p.length; i += 2) {
        minX = Math.min(minX, p[i]!)
        maxX = Math.max(maxX, p[i]!)
        minY = Math.min(minY, p[i + 1]!)
        maxY = Math.max(maxY, p[i + 1]!)
      }
      const pad = obj.props.width / 2
      return {
        x: obj.x + minX - pad,
        y: obj.y + minY - pad,
        w: maxX - minX + 2 * pad,
        h: maxY - minY + 2 * pad,
      }
    }
  }
}

/** Does `outer` wholly contain `inner`? */
export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

/** Do two boxes overlap? */
export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** The box around several boxes, or null for none. */
export function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  return { x, y, w: right - x, h: bottom - y }
}

/**
 * The objects a frame holds: those of its canvas whose centre lies inside it and that sit above
 * it. Frames inside frames come along too.
 */
export function frameContents(frame: BoardObject, objects: readonly BoardObject[]): BoardObject[] {
  const area = boundsOf(frame)
  return objects.filter((o) => {
    if (o.id === frame.id || o.canvas !== frame.canvas) return false
    const b = boundsOf(o)
    const cx = b.x + b.w / 2
    const cy = b.y + b.h / 2
    const inside = cx >= area.x && cx <= area.x + area.w && cy >= area.y && cy <= area.y + area.h
    return inside && (o.kind !== 'frame' || contains(area, b))
  })
}

/**
 * The ids to move when these are dragged: the ids themselves plus everything inside any frame
 * among them (recursively, since contents include inner frames). Locked objects stay put.
 */
export function withFrameContents(all: readonly BoardObject[], ids: readonly string[]): string[] {
  const byId = new Map(all.map((o) => [o.id, o]))
  const out = new Set(ids)
  for (const id of ids) {
    const frame = byId.get(id)
    if (frame?.kind !== 'frame') continue
    for (const inner of frameContents(frame, all)) if (!inner.locked) out.add(inner.id)
  }
  return [...out]
}

/** Frames of a canvas in page order (flipchart pages): by `order`, then top-to-bottom, left-to-right. */
export function framesInOrder(objects: readonly BoardObject[]): BoardObject[] {
  return objects
    .filter((o) => o.kind === 'frame')
    .sort((a, b) => {
      const oa = a.kind === 'frame' ? a.props.order : 0
      const ob = b.kind === 'frame' ? b.props.order : 0
      return oa - ob || a.y - b.y || a.x - b.x
    })
}
