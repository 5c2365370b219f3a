import type { StickyColor } from '../shared/schema/kinds'

/**
 * Visual constants shared by the Konva canvas and the HTML overlays drawn on top of it (the text
 * editor must line up with the note it edits, so both read their sizes from here).
 */
export const STICKY_FILL: Record<StickyColor, string> = {
  yellow: '#fff3a6',
  pink: '#ffd1dc',
  blue: '#cfe6ff',
  green: '#d3f2c9',
  orange: '#ffdcb8',
  purple: '#e5d6ff',
}

export const NOTE_TEXT = {
  padding: 14,
  fontSize: 18,
  lineHeight: 1.3,
  // Noto Sans SC (a web font, client/canvas/objects/webFonts.ts) draws what the system fonts cannot
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans SC", sans-serif',
  color: '#1f2328',
  authorSize: 12,
  authorColor: '#4d545c',
} as const

/** Note text in the high-contrast theme: black, with a black edge round every note. */
export const HIGH_CONTRAST_NOTE = { color: '#000000', authorColor: '#000000', edge: '#000000' } as const

/** The board's background (the CSS `--bg` behind the canvas). */
export const BOARD_BG = '#f6f5f2'

/** Colours of text drawn straight on the board (frame titles and counts, marks under notes). */
export const CANVAS_TEXT = {
  frameTitle: '#374151',
  frameCount: '#4b5563',
  privateMark: '#6b21a8',
} as const

export const ACCENT = '#2463eb'
/** Grid spacing in world units; the dots are a CSS background so they cost nothing to draw. */
export const GRID_SPACING = 24
