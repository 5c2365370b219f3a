import { z } from 'zod'

/** Largest awareness state (JSON characters) the relay accepts; a larger one closes the connection. */
export const AWARENESS_STATE_MAX = 8 * 1024
/**
 * Selected object ids shared with others, at most: a selection of hundreds of objects would take
 * the state past the relay's limit (an id is 36 characters), and others see the first ones outlined.
 */
export const SHARED_SELECTION_MAX = 100

/** The shape of one person's awareness state: who they are, where their cursor is, what they selected. */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().max(60),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    role: z.enum(['facilitator', 'participant', 'viewer']),
  }),
  cursor: z
    .object({ canvas: z.string().max(64), x: z.number().finite(), y: z.number().finite() })
    .nullable()
    .default(null),
  selection: z.array(z.string().max(64)).max(500).default([]),
  /**
   * The world point at the middle of this person's screen, on the canvas they have open: where
   * "Go to" takes others when this person's cursor is hidden or off the board. Optional with a
   * default, so states from builds that do not send it still parse.
   */
  view: z
    .object({
      canvas: z.string().max(64),
      x: z.number().finite(),
      y: z.number().finite(),
      /**
       * The zoom and the world area the screen shows (width and height in world units), so people
       * following this person see what they see; optional, as older builds do not send them.
       */
      scale: z.number().positive().finite().optional(),
      w: z.number().positive().finite().optional(),
      h: z.number().positive().finite().optional(),
    })
    .nullable()
    .default(null),
})

export type Presence = z.infer<typeof presenceSchema>

/** Parses a remote awareness state; null when it is not a presence this build understands. */
export function readPresence(state: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(state)
  return parsed.success ? parsed.data : null
}

/**
 * People's colours (avatars, cursors, selection outlines): ten hues far apart, each dark enough for
 * the white initial and name drawn on it (at least 4.5 : 1, WCAG 1.4.3; the yellow and the light
 * green of the first palette gave 1.9 and 3.0).
 */
export const PRESENCE_COLORS = [
  '#c62828',
  '#0277bd',
  '#2e7d32',
  '#6a1b9a',
  '#b45309',
  '#00796b',
  '#ad1457',
  '#3949ab',
  '#5d4037',
  '#455a64',
] as const

/** A stable colour for a user id. */
export function colorFor(userId: string): string {
  let h = 0
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}
