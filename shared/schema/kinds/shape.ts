import { z } from 'zod'
import { defineKind } from '../defineKind'
import { fillColor, hexColor } from './colors'

export const SHAPES = ['rect', 'ellipse', 'line', 'arrow'] as const
export type ShapeType = (typeof SHAPES)[number]

/**
 * A rectangle, ellipse, line or arrow. Rectangles and ellipses span w×h from x/y; lines and arrows
 * run from x/y to x+w, y+h, so their w and h may be negative.
 */
export const shape = defineKind({
  kind: 'shape',
  version: 1,
  richText: false,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    shape: z.enum(SHAPES),
    w: z.number().finite().min(-8000).max(8000),
    h: z.number().finite().min(-8000).max(8000),
    fill: fillColor,
    stroke: hexColor,
    strokeWidth: z.number().min(0).max(64),
  }),
  defaults: () => ({
    shape: 'rect' as ShapeType,
    w: 200,
    h: 120,
    fill: '#dbeafe' as string,
    stroke: '#1e3a8a',
    strokeWidth: 3,
  }),
})
