import { describe, expect, it } from 'vitest'
import { fileName } from '../../client/export/download'
import {
  CANVAS_LIMITS,
  fitRect,
  isWinAnsi,
  orientationFor,
  pictureBox,
  pixelRatioFor,
  withMargin,
  wrapText,
} from '../../client/export/layout'

/** One unit per character: widths that are easy to reason about. */
const chars = (s: string) => s.length

describe('export crops and resolution', () => {
  it('grows a box by the margin, edges moved outwards to whole units', () => {
    expect(withMargin({ x: 10.5, y: -3.2, w: 100.2, h: 50 }, 40)).toEqual({ x: -30, y: -44, w: 181, h: 131 })
  })

  it('draws at the wanted ratio unless the bitmap would pass the browser limits', () => {
    expect(pixelRatioFor({ w: 2000, h: 1000 }, 2)).toBe(2)
    const wide = pixelRatioFor({ w: 40_000, h: 1000 }, 2)
    expect(wide).toBeCloseTo(CANVAS_LIMITS.side / 40_000)
    const big = pixelRatioFor({ w: 12_000, h: 12_000 }, 2)
    expect(12_000 * big).toBeLessThanOrEqual(CANVAS_LIMITS.side)
    expect((12_000 * big) ** 2).toBeLessThanOrEqual(CANVAS_LIMITS.area + 1)
  })
})

describe('PDF page layout', () => {
  const box = { x: 50, y: 100, w: 500, h: 400 }

  it('fits a picture in a box keeping its shape, centred across, at the top', () => {
    expect(fitRect(box, 2000, 1000)).toEqual({ x: 50, y: 100, w: 500, h: 250 })
    expect(fitRect(box, 1000, 2000)).toEqual({ x: 200, y: 100, w: 200, h: 400 })
  })

  it('never enlarges a small picture past the largest scale allowed', () => {
    expect(fitRect(box, 100, 50, 1)).toEqual({ x: 250, y: 100, w: 100, h: 50 })
    expect(fitRect(box, 0, 50)).toEqual({ x: 50, y: 100, w: 0, h: 0 })
  })

  it('leaves room under the picture for the first notes when some follow', () => {
    const page = { w: 600, h: 800 }
    expect(pictureBox(page, 100, 50, false)).toEqual({ x: 50, y: 100, w: 500, h: 650 })
    expect(pictureBox(page, 100, 50, true, 0.5)).toEqual({ x: 50, y: 100, w: 500, h: 325 })
  })

  it('turns the page for wide pictures', () => {
    expect(orientationFor(3000, 1000)).toBe('landscape')
    expect(orientationFor(800, 1000)).toBe('portrait')
  })
})

describe('wrapping text', () => {
  it('breaks at spaces within the width and keeps the text’s own line breaks', () => {
    expect(wrapText('one two three four', 9, chars)).toEqual(['one two', 'three', 'four'])
    expect(wrapText('first\n\nthird', 20, chars)).toEqual(['first', '', 'third'])
  })

  it('splits a word longer than a line wherever it must, and never loops on it', () => {
    expect(wrapText('https://example.org/a/b', 8, chars)).toEqual(['https://', 'example.', 'org/a/b'])
    expect(wrapText('x', 0, chars)).toEqual(['x'])
  })
})

describe('what the built-in PDF fonts can show', () => {
  it('accepts Latin-1 and the Windows-1252 extras', () => {
    expect(isWinAnsi('Café, naïve — “quoted” … €5 • ok')).toBe(true)
  })

  it('refuses other scripts and emoji, which are drawn as pictures instead', () => {
    expect(isWinAnsi('Сад для всех')).toBe(false)
    expect(isWinAnsi('مرحبا')).toBe(false)
    expect(isWinAnsi('你好')).toBe(false)
    expect(isWinAnsi('Garden 🌱')).toBe(false)
  })
})

describe('export file names', () => {
  it('keeps letters, digits, spaces and dashes, joined by " - "', () => {
    expect(fileName(['Our <b>board</b>: 2025/26', 'Themes'], 'png')).toBe('Our bboardb 202526 - Themes.png')
    expect(fileName(['Café Ünïcode', ''], 'pdf')).toBe('Café Ünïcode.pdf')
  })

  it('falls back to "session" when nothing is left', () => {
    expect(fileName(['///', '***'], 'md')).toBe('session.md')
  })
})
