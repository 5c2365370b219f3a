import { z } from 'zod'

/** A colour as #rrggbb, or 'transparent' where a fill may be empty. */
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c')
export const fillColor = z.union([hexColor, z.literal('transparent')])

/** Ink colours offered by the pen, text and shape tools (all AA on white and on the board's background). */
export const INK_COLORS = ['#1f2933', '#c0392b', '#1a64c8', '#1d7a46', '#8e44ad', '#a35000'] as const
