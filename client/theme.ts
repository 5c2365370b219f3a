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
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  color: '#1f2328',
  authorSize: 12,
  authorColor: 'rgba(31, 35, 40, 0.62)',
} as const

export const ACCENT = '#2463eb'
/** Grid spacing in world units; the dots are a CSS background so they cost nothing to draw. */
export const GRID_SPACING = 24
