import { describe, expect, it } from 'vitest'
import { PRESENCE_COLORS, colorFor } from '../../shared/presence'

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('people’s colours', () => {
  it('carry white initials and names at 4.5 : 1 or more, and are all different', () => {
    for (const c of PRESENCE_COLORS) expect(1.05 / (luminance(c) + 0.05), c).toBeGreaterThanOrEqual(4.5)
    expect(new Set(PRESENCE_COLORS).size).toBe(PRESENCE_COLORS.length)
  })

  it('gives a person the same colour every time, from the palette', () => {
    expect(colorFor('a'.repeat(43))).toBe(colorFor('a'.repeat(43)))
    expect(PRESENCE_COLORS).toContain(colorFor('someone'))
  })
})
