import { z } from 'zod'
import { defineKind } from '../defineKind'

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export const ALT_MAX = 1000

/**
 * An uploaded picture. `src` names the stored file (its content hash); `alt` is its description —
 * empty means it still needs one, and it is listed for anyone to describe.
 */
export const image = defineKind({
  kind: 'image',
  version: 1,
  richText: false,
  votable: true,
  access: { create: ['facilitator', 'participant'] },
  props: z.object({
    w: z.number().positive().max(20000),
    h: z.number().positive().max(20000),
    src: z.string().regex(/^[a-f0-9]{64}$/, 'a content hash'),
    alt: z.string().max(ALT_MAX),
    mime: z.enum(IMAGE_TYPES),
  }),
  defaults: () => ({
    w: 320,
    h: 240,
    src: '0'.repeat(64),
    alt: '',
    mime: 'image/png' as (typeof IMAGE_TYPES)[number],
  }),
})

/** Does this image still need a description? */
export const needsDescription = (alt: string): boolean => alt.trim().length === 0
