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
    /** When this page joined (ms since 1970): who was here first keeps a colour (distinctColor). */
    since: z.number().finite().nonnegative().optional(),
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

/** A person present, as far as their colour goes. */
export interface ColorHolder {
  readonly id: string
  readonly color: string
  readonly since?: number | undefined
}

/**
 * The colour `me` shows in: one nobody else present has, so cursors and outlines tell people apart
 * (in a small group, hashing ids alone gave two people one colour more often than not). I keep my
 * colour unless someone who was here before me has it (the earlier `since`; the smaller id on a
 * tie), so people already here never change colour when someone comes in. Else the first colour
 * from my usual one on that nobody has; with every colour taken, one nobody before me has; with
 * none left, my own.
 */
export function distinctColor(me: ColorHolder, others: readonly ColorHolder[]): string {
  const mine = me.since ?? 0
  const before = (o: ColorHolder): boolean => {
    const theirs = o.since ?? 0
    return theirs < mine || (theirs === mine && o.id < me.id)
  }
  const people = others.filter((o) => o.id !== me.id)
  if (!people.some((o) => o.color === me.color && before(o))) return me.color
  const start = Math.max(0, (PRESENCE_COLORS as readonly string[]).indexOf(colorFor(me.id)))
  const free = (taken: Set<string>): string | undefined => {
    for (let i = 0; i < PRESENCE_COLORS.length; i++) {
      const c = PRESENCE_COLORS[(start + i) % PRESENCE_COLORS.length]!
      if (!taken.has(c)) return c
    }
    return undefined
  }
  return (
    free(new Set(people.map((o) => o.color))) ??
    free(new Set(people.filter(before).map((o) => o.color))) ??
    me.color
  )
}
