import { KINDS, type PropsOf } from '../../../shared/schema/kinds'
import type { Point, Rect } from '../viewport'
import type { ToolOptions } from './tools'

/** A drag shorter than this (world units) counts as a click: the tool places a default-sized object. */
const CLICK_SIZE = 4
const MAX_SHAPE = 8000
const clamp = (v: number) => Math.max(-MAX_SHAPE, Math.min(MAX_SHAPE, v))

export interface ShapePlacement {
  readonly x: number
  readonly y: number
  readonly props: PropsOf<'shape'>
}

/**
 * The shape a drag from `from` to `to` draws. Boxes (rectangle, ellipse) are stored with positive
 * size from their top-left; lines and arrows keep their direction (w, h may be negative).
 */
export function shapeFromDrag(from: Point, to: Point, o: ToolOptions): ShapePlacement {
  const base = KINDS.shape.defaults()
  const line = o.shape === 'line' || o.shape === 'arrow'
  const style = {
    shape: o.shape,
    stroke: o.shapeStroke,
    fill: line ? 'transparent' : o.shapeFill,
    strokeWidth: 3,
  }
  const dx = to.x - from.x
  const dy = to.y - from.y
  if (Math.abs(dx) < CLICK_SIZE && Math.abs(dy) < CLICK_SIZE) {
    return {
      x: from.x,
      y: from.y,
      props: { ...base, ...style, w: line ? 160 : base.w, h: line ? 0 : base.h },
    }
  }
  if (line) return { x: from.x, y: from.y, props: { ...base, ...style, w: clamp(dx), h: clamp(dy) } }
  return {
    x: Math.min(from.x, to.x),
    y: Math.min(from.y, to.y),
    props: { ...base, ...style, w: clamp(Math.abs(dx)) || 1, h: clamp(Math.abs(dy)) || 1 },
  }
}

/** The frame a drag draws; a click (or a tiny drag) makes a default-sized frame there. */
export function frameFromDrag(rect: Rect): Rect {
  const { w, h } = KINDS.frame.defaults()
  if (rect.w < CLICK_SIZE * 6 || rect.h < CLICK_SIZE * 6) return { x: rect.x, y: rect.y, w, h }
  return { x: rect.x, y: rect.y, w: Math.min(rect.w, 20000), h: Math.min(rect.h, 20000) }
}
