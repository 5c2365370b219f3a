import { describe, expect, test } from 'vitest'
import { INK_COLORS, STICKY_COLORS } from '../../shared/schema/kinds'
import { contrastRatio } from '../../client/a11y/colorContrast'
import { BOARD_BG, CANVAS_TEXT, HIGH_CONTRAST_NOTE, NOTE_TEXT, STICKY_FILL } from '../../client/theme'

/** WCAG 2.x AA: 4.5:1 for text of ordinary size (the author line is 12 px, the note text 10–18 px). */
const AA = 4.5

describe('contrast ratio', () => {
  test('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2) // the classic "just fails" grey
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrastRatio('#808080', '#ffffff'), 1)
  })
})

describe('every note colour', () => {
  for (const color of STICKY_COLORS) {
    const fill = STICKY_FILL[color]
    test(`${color} (${fill}): note text and author reach AA, in both themes`, () => {
      expect(contrastRatio(NOTE_TEXT.color, fill)).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio(NOTE_TEXT.authorColor, fill)).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio(HIGH_CONTRAST_NOTE.color, fill)).toBeGreaterThanOrEqual(7)
      expect(contrastRatio(HIGH_CONTRAST_NOTE.authorColor, fill)).toBeGreaterThanOrEqual(7)
    })
  }
})

describe('text drawn straight on the board', () => {
  for (const [name, color] of Object.entries(CANVAS_TEXT)) {
    test(`${name} (${color}) reaches AA on the board background`, () => {
      expect(contrastRatio(color, BOARD_BG)).toBeGreaterThanOrEqual(AA)
    })
  }
  for (const ink of INK_COLORS) {
    test(`text ink ${ink} reaches AA on the board background`, () => {
      expect(contrastRatio(ink, BOARD_BG)).toBeGreaterThanOrEqual(AA)
    })
  }
})
