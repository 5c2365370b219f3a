import { describe, expect, it } from 'vitest'
import {
  CODE_SCALE,
  HEADING_SCALE,
  LIST_INDENT,
  fitRich,
  layoutRich,
  type RichMeasure,
} from '../../client/canvas/objects/richLayout'
import { flattenRich, plainToRich, type RichText } from '../../shared/schema/richBlocks'

// every character is half the font size wide; bold ones a little wider
const measure: RichMeasure = (text, font) => [...text].length * font.size * (font.bold ? 0.6 : 0.5)
const base = { fontSize: 10, lineHeight: 1.5 }
const texts = (line: { pieces: readonly { text: string }[] }): string =>
  line.pieces.map((p) => p.text).join('')

describe('layoutRich', () => {
  it('wraps words, keeps marks on their pieces and joins pieces drawn alike', () => {
    const rich: RichText = [
      {
        type: 'paragraph',
        runs: [{ text: 'one ' }, { text: 'two', bold: true }, { text: ' three four', strike: true }],
      },
    ]
    const layout = layoutRich(flattenRich(rich), 60, base, measure) // 12 plain characters a line
    expect(layout.lines.map(texts)).toEqual(['one two ', 'three four'])
    const [first, second] = layout.lines
    expect(first!.pieces.map((p) => [p.text, p.font.bold, p.strike])).toEqual([
      ['one ', false, false],
      ['two', true, false],
      [' ', false, true],
    ])
    expect(first!.pieces[1]!.x).toBe(20)
    expect(second!.pieces).toHaveLength(1)
    expect(second!.pieces[0]).toMatchObject({ x: 0, text: 'three four', strike: true })
    expect(second!.y).toBe(15)
    expect(layout.height).toBe(30)
  })

  it('keeps a word that is half bold together, and breaks words longer than a line', () => {
    const rich: RichText = [
      {
        type: 'paragraph',
        runs: [{ text: 'aaaa bo' }, { text: 'ld', bold: true }, { text: ' ' + 'x'.repeat(25) }],
      },
    ]
    const lines = layoutRich(flattenRich(rich), 40, base, measure).lines.map(texts)
    expect(lines).toEqual(['aaaa ', 'bold ', 'xxxxxxxx', 'xxxxxxxx', 'xxxxxxxx', 'x'])
  })

  it('wraps Chinese between any two characters', () => {
    const lines = layoutRich(
      flattenRich(plainToRich('我们今天讨论了社区花园的事情')),
      50,
      base,
      measure,
    ).lines
    expect(lines.map(texts)).toEqual(['我们今天讨论了社区花', '园的事情'])
  })

  it('indents list items with their markers, and draws headings and code at their sizes', () => {
    const rich: RichText = [
      { type: 'heading', level: 1, runs: [{ text: 'Plan' }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ type: 'paragraph', runs: [{ text: 'first' }] }],
          [{ type: 'paragraph', runs: [{ text: 'second' }] }],
        ],
      },
      { type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', runs: [{ text: 'dot' }] }]] },
      { type: 'code', runs: [{ text: 'x = 1' }] },
    ]
    const { lines } = layoutRich(flattenRich(rich), 200, base, measure)
    expect(lines[0]!.pieces[0]!.font).toMatchObject({ size: 10 * HEADING_SCALE[0], bold: true })
    expect(lines[0]!.height).toBe(10 * HEADING_SCALE[0] * 1.5)
    expect(lines.slice(1, 4).map((l) => [l.marker?.text, l.pieces[0]!.x])).toEqual([
      ['1.', LIST_INDENT * 10],
      ['2.', LIST_INDENT * 10],
      ['•', LIST_INDENT * 10],
    ])
    // the marker sits right-aligned in the indent, before the text
    expect(lines[1]!.marker!.x + lines[1]!.marker!.width).toBeLessThan(LIST_INDENT * 10)
    expect(lines[4]!.pieces[0]!.font).toMatchObject({ code: true, size: 10 * CODE_SCALE })
    expect(lines[4]!.codeFrom).toBe(0)
  })

  it('keeps the lines of a hard break and of empty paragraphs', () => {
    const lines = layoutRich(flattenRich(plainToRich('a\n\nb')), 100, base, measure).lines
    expect(lines.map(texts)).toEqual(['a', '', 'b'])
    const broken = layoutRich(
      flattenRich([{ type: 'paragraph', runs: [{ text: 'a\nb' }] }]),
      100,
      base,
      measure,
    )
    expect(broken.lines.map(texts)).toEqual(['a', 'b'])
  })
})

describe('fitRich', () => {
  const box = { width: 170, height: 150 }
  const size = { max: 18, min: 10, lineHeight: 1.3 }
  it('keeps short notes at full size and shrinks long ones to fit', () => {
    expect(fitRich(flattenRich(plainToRich('A short note')), box, size, measure).fontSize).toBe(18)
    const long = 'We talked about the community garden and who looks after it in winter. '.repeat(2)
    const fitted = fitRich(flattenRich(plainToRich(long)), box, size, measure)
    expect(fitted.fontSize).toBeLessThan(18)
    expect(fitted.fontSize).toBeGreaterThan(10)
    expect(fitted.height).toBeLessThanOrEqual(box.height)
    expect(fitted.truncated).toBe(false)
  })
  it('cuts what does not fit at the smallest size, ending the last line with an ellipsis', () => {
    const layout = fitRich(flattenRich(plainToRich('word '.repeat(500))), box, size, measure)
    expect(layout.fontSize).toBe(10)
    expect(layout.truncated).toBe(true)
    expect(layout.height).toBeLessThanOrEqual(box.height)
    const last = layout.lines[layout.lines.length - 1]!
    expect(texts(last).endsWith('…')).toBe(true)
    const end = last.pieces[last.pieces.length - 1]!
    expect(end.x + end.width).toBeLessThanOrEqual(box.width)
  })
})
