import { z } from 'zod'
import { defineKind } from '../defineKind'

/**
 * A named area that holds what lies inside it: moving the frame moves its content. Flipchart pages
 * and themes are frames; `order` sets their sequence (previous / next page).
 */
export const frame = defineKind({
  kind: 'frame',
  version: 1,
  richText: false,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    w: z.number().positive().max(20000),
    h: z.number().positive().max(20000),
    title: z.string().max(200),
    order: z.number().finite(),
  }),
  defaults: () => ({ w: 800, h: 600, title: 'Frame', order: 0 }),
})
