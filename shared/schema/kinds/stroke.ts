import { z } from 'zod'
import { defineKind } from '../defineKind'
import { hexColor } from './colors'

/** Most points one stroke may hold (x and y each count once). */
export const MAX_STROKE_COORDS = 20_000

export const STROKE_WIDTHS = [2, 4, 8, 16] as const

/** A freehand pen stroke: points relative to the object's x/y, already smoothed. */
export const stroke = defineKind({
  kind: 'stroke',
  version: 1,
  richText: false,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    points: z
      .array(z.number().finite().min(-1e6).max(1e6))
      .min(2)
      .max(MAX_STROKE_COORDS)
      .refine((p) => p.length % 2 === 0, 'points come in x,y pairs'),
    color: hexColor,
    width: z.number().positive().max(64),
  }),
  defaults: () => ({ points: [0, 0], color: '#1f2933', width: 4 }),
})
