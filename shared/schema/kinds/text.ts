import { z } from 'zod'
import { defineKind } from '../defineKind'
import { hexColor } from './colors'

export const TEXT_SIZES = ['small', 'medium', 'large', 'heading'] as const
export type TextSize = (typeof TEXT_SIZES)[number]
/** Font size in canvas units for each text size. */
export const TEXT_SIZE_PX: Record<TextSize, number> = { small: 16, medium: 24, large: 36, heading: 56 }

/** Free text on the canvas, in one of a few sizes. */
export const text = defineKind({
  kind: 'text',
  version: 1,
  richText: true,
  note: true,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    w: z.number().positive().max(8000),
    size: z.enum(TEXT_SIZES),
    color: hexColor,
  }),
  defaults: () => ({ w: 320, size: 'medium' as TextSize, color: '#1f2933' }),
})
