import { z } from 'zod'
import { defineKind } from '../defineKind'

export const STICKY_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const
export type StickyColor = (typeof STICKY_COLORS)[number]

/** A sticky note: a coloured square holding rich text. */
export const sticky = defineKind({
  kind: 'sticky',
  version: 1,
  richText: true,
  note: true,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    w: z.number().positive().max(4000),
    h: z.number().positive().max(4000),
    color: z.enum(STICKY_COLORS),
  }),
  defaults: () => ({ w: 200, h: 200, color: 'yellow' as StickyColor }),
})
