import { describe, expect, it } from 'vitest'
import { fitFontSize, wrappedLines } from '../../client/canvas/objects/fitText'

// every character is half the font size wide
const measure = (text: string, size: number): number => text.length * size * 0.5

describe('auto-fit note text', () => {
  it('wraps words, paragraphs and over-long words', () => {
    expect(wrappedLines('one two three', 1000, 10, measure)).toBe(1)
    expect(wrappedLines('one two three', 40, 10, measure)).toBe(2) // 'one two' then 'three'
    expect(wrappedLines('a\nb\n\nc', 100, 10, measure)).toBe(4)
    expect(wrappedLines('x'.repeat(30), 50, 10, measure)).toBe(3)
  })
  it('keeps short notes at full size and shrinks long ones to fit, down to a minimum', () => {
    const box = { width: 170, height: 150 }
    const size = { max: 18, min: 10, lineHeight: 1.3 }
    expect(fitFontSize('A short note', box, size, measure)).toBe(18)
    const long = 'We talked about the community garden and who looks after it in winter. '.repeat(2)
    const fitted = fitFontSize(long, box, size, measure)
    expect(fitted).toBeLessThan(18)
    expect(fitted).toBeGreaterThan(10)
    expect(wrappedLines(long, box.width, fitted, measure) * fitted * 1.3).toBeLessThanOrEqual(box.height)
    expect(fitFontSize('word '.repeat(500), box, size, measure)).toBe(10)
  })
})
