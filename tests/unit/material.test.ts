import { describe, expect, it } from 'vitest'
import {
  MATERIAL_MAX_BYTES,
  MATERIAL_MAX_ITEMS,
  decodeMaterial,
  detectFormat,
  formatOfFile,
  parseMaterial,
  type MaterialResult,
} from '../../shared/material/parse'

const items = (r: MaterialResult) => {
  if (!r.ok) throw new Error(`expected items, got ${JSON.stringify(r.error)}`)
  return r.items
}
const error = (r: MaterialResult) => {
  if (r.ok) throw new Error(`expected an error, got ${r.items.length} items`)
  return r.error
}

describe('plain lines', () => {
  it('each non-empty line is a note; empty and blank lines are passed over', () => {
    const got = items(parseMaterial('First idea\n\n   \nSecond idea  \r\nThird\n\n', 'lines'))
    expect(got.map((i) => [i.kind, i.text, i.line])).toEqual([
      ['sticky', 'First idea', 1],
      ['sticky', 'Second idea', 4],
      ['sticky', 'Third', 5],
    ])
  })

  it('a list of lines with a stray blank line stays a list (detected as lines, not stories)', () => {
    const text = 'Bread\nMilk\nTea\n\nEggs\nRice\nBeans'
    // two blocks of several lines each: read as paragraphs only when every block opens with a title
    expect(detectFormat('one\ntwo\nthree')).toBe('lines')
    expect(detectFormat('Lonely line\n\nStory title\nIts text.')).toBe('lines')
    expect(items(parseMaterial(text, 'lines'))).toHaveLength(6)
  })

  it('paragraphs: a block of several lines is a story titled by its first line; one line is a note', () => {
    const text =
      'The allotment\nWe met every Sunday.\nIt changed my life.\n\nA short thought\n\nBus stop\nThe 42 never came.'
    expect(detectFormat(text)).toBe('lines') // the one-line block makes it ambiguous
    const got = items(parseMaterial(text, 'paragraphs'))
    expect(got.map((i) => [i.kind, i.title, i.text])).toEqual([
      ['story', 'The allotment', 'We met every Sunday.\nIt changed my life.'],
      ['sticky', '', 'A short thought'],
      ['story', 'Bus stop', 'The 42 never came.'],
    ])
    expect(detectFormat('T1\nbody one\n\nT2\nbody two')).toBe('paragraphs')
  })
})

describe('Markdown', () => {
  it('bullets are items; a bold lead is a title; nested lines are the story', () => {
    const md = [
      '# Stories from Leeds',
      '',
      '- Just a note',
      '* **The kettle** — Everyone brought a mug. Nobody brought tea.',
      '+ [ ] a task, its box taken away',
      '1. The long walk',
      '   We walked for an hour.',
      '   - past the mill',
      '   - past the river',
      '- Link to [the map](https://example.org/map) and `code`',
    ].join('\n')
    expect(detectFormat(md)).toBe('markdown')
    const r = parseMaterial(md, 'markdown')
    expect(r.ok && r.title).toBe('Stories from Leeds')
    expect(items(r).map((i) => [i.kind, i.title, i.text])).toEqual([
      ['sticky', '', 'Just a note'],
      ['story', 'The kettle', 'Everyone brought a mug. Nobody brought tea.'],
      ['sticky', '', 'a task, its box taken away'],
      ['story', 'The long walk', 'We walked for an hour.\n• past the mill\n• past the river'],
      ['sticky', '', 'Link to the map (https://example.org/map) and code'],
    ])
  })

  it('a heading with paragraphs under it is a story; a bold lead with nothing after is a note', () => {
    const md = '## Arrival\nI came in 2015.\n\nThe first winter was hard.\n\n## Alone\n\n- **Only bold**'
    const got = items(parseMaterial(md, 'markdown'))
    expect(got.map((i) => [i.kind, i.title, i.text])).toEqual([
      ['story', 'Arrival', 'I came in 2015.\n\nThe first winter was hard.'],
      ['sticky', '', 'Only bold'],
    ])
  })
})

describe('CSV with a header', () => {
  it('reads known columns, quoted fields with commas, quotes and line breaks; names unused columns', () => {
    const csv = [
      'Title,Story,Storyteller,Anonymous,Language,Content note,Consent,Row id',
      '"Market day","We sold ""everything"", even the chairs.\nThen it rained.",Amina,no,en,,yes,1',
      'Tea,,,,,,,2',
      ',Just words for a note,Joe,,,,,3',
      '"回家","我们走了很久，终于到家了。",李华,是,zh-CN,描述暴力,是,4',
      'Hidden,A story not to be shared,,yes,,,no,5',
    ].join('\r\n')
    expect(detectFormat(csv)).toBe('csv')
    expect(formatOfFile('stories.CSV')).toBe('csv')
    const r = parseMaterial(csv, 'csv')
    expect(r.ok && r.unusedColumns).toEqual(['Row id'])
    const got = items(r)
    expect(got[0]).toMatchObject({
      kind: 'story',
      title: 'Market day',
      text: 'We sold "everything", even the chairs.\nThen it rained.',
      credit: 'Amina',
      anonymous: false,
      lang: 'en',
      consent: true,
      line: 2,
    })
    expect(got[1]).toMatchObject({ kind: 'sticky', text: 'Tea', line: 4 }) // the story above spans two lines
    expect(got[2]).toMatchObject({ kind: 'sticky', text: 'Just words for a note' })
    expect(got[3]).toMatchObject({
      kind: 'story',
      title: '回家',
      credit: '李华',
      anonymous: true,
      lang: 'zh-CN',
      contentNote: '描述暴力',
    })
    expect(got[4]).toMatchObject({ anonymous: true, consent: false })
  })

  it('semicolons and tabs as delimiters, a byte-order mark, Chinese header names', () => {
    expect(items(parseMaterial('\uFEFFtitle;text\nA;B text', 'csv'))[0]).toMatchObject({
      title: 'A',
      text: 'B text',
    })
    expect(items(parseMaterial('标题\t内容\n甲\t乙的故事', 'csv'))[0]).toMatchObject({
      title: '甲',
      text: '乙的故事',
    })
  })

  it('wrong quoting is an error naming its line, and nothing is read', () => {
    expect(error(parseMaterial('title,text\nA,"never closed\nB,fine\n', 'csv'))).toEqual({
      code: 'csv-unclosed-quote',
      line: 2,
    })
    expect(error(parseMaterial('title,text\nA,she said "hi" to me\n', 'csv'))).toMatchObject({
      code: 'csv-quote-in-field',
      line: 2,
    })
    expect(error(parseMaterial('title,text\n"A"x,b\n', 'csv'))).toMatchObject({
      code: 'csv-after-quote',
      line: 2,
    })
    expect(error(parseMaterial('title,text\nA,b,c\n', 'csv'))).toEqual({
      code: 'csv-extra-fields',
      line: 2,
      count: 3,
      max: 2,
    })
  })

  it('a header without a text or title column, or a bad yes/no, is a clear error', () => {
    expect(error(parseMaterial('foo,bar\n1,2', 'csv'))).toMatchObject({
      code: 'csv-no-columns',
      value: 'foo, bar',
    })
    expect(error(parseMaterial('title,text,anonymous\nA,B,maybe', 'csv'))).toMatchObject({
      code: 'bad-yes-no',
      line: 2,
      value: 'maybe',
    })
    expect(error(parseMaterial('title,text,lang\nA,B,not a tag', 'csv'))).toMatchObject({
      code: 'bad-lang',
      line: 2,
    })
    expect(error(parseMaterial(`title,text\n${'t'.repeat(201)},story`, 'csv'))).toMatchObject({
      code: 'title-too-long',
      line: 2,
      count: 201,
      max: 200,
    })
    expect(error(parseMaterial(`title,text,credit\nA,B,${'c'.repeat(201)}`, 'csv')).code).toBe(
      'credit-too-long',
    )
    expect(error(parseMaterial(`title,text,cw\nA,B,${'c'.repeat(201)}`, 'csv')).code).toBe('note-too-long')
    expect(error(parseMaterial('title,text\n', 'csv')).code).toBe('empty')
  })
})

describe('bad input', () => {
  it('empty input, or only blank lines, is "empty" in every format', () => {
    for (const format of ['lines', 'paragraphs', 'markdown', 'csv'] as const) {
      expect(error(parseMaterial('', format)).code).toBe('empty')
      expect(error(parseMaterial('\n \n\t\n\r\n', format)).code).toBe('empty')
    }
  })

  it('a 2 MB paste is refused at once, saying how big it is and what the limit is', () => {
    const paste = 'A line of a very long paste that goes on\n'.repeat(50_000)
    expect(paste.length).toBeGreaterThan(2_000_000)
    const started = performance.now()
    expect(error(parseMaterial(paste, 'lines'))).toEqual({
      code: 'too-big',
      count: paste.length,
      max: MATERIAL_MAX_BYTES,
    })
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('more than 300 items: an error with the count, nothing cut off silently; 300 exactly is fine', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Idea ${i + 1}`).join('\n')
    expect(items(parseMaterial(lines(MATERIAL_MAX_ITEMS), 'lines'))).toHaveLength(300)
    expect(error(parseMaterial(lines(412), 'lines'))).toEqual({ code: 'too-many', count: 412, max: 300 })
  })

  it('a binary file is not text; a file in another encoding is named so', () => {
    expect(error(parseMaterial('PK\u0003\u0004\u0000\u0000garbage', 'lines')).code).toBe('not-text')
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) // "café" in Latin-1
    expect(decodeMaterial(latin1)).toEqual({ ok: false, error: { code: 'not-utf8' } })
    const utf8 = new TextEncoder().encode('café, 咖啡\n')
    expect(decodeMaterial(utf8)).toEqual({ ok: true, text: 'café, 咖啡\n' })
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2d, 0x4e]) // BOM, "a", "中"
    expect(decodeMaterial(utf16)).toEqual({ ok: true, text: 'a中' })
  })

  it('mixed languages and scripts come through unchanged, each tagged as the list says', () => {
    const csv = [
      'title,text,lang',
      'Home,"I came from Aleppo. وصلت في الشتاء",ar',
      '家,"我们在这里。We are here.",zh-CN',
      'Casa,"Llegamos en 2019 😊",es',
      'Без названия,Мы здесь,',
    ].join('\n')
    const got = items(parseMaterial(csv, 'csv'))
    expect(got.map((i) => [i.title, i.text, i.lang])).toEqual([
      ['Home', 'I came from Aleppo. وصلت في الشتاء', 'ar'],
      ['家', '我们在这里。We are here.', 'zh-CN'],
      ['Casa', 'Llegamos en 2019 😊', 'es'],
      ['Без названия', 'Мы здесь', ''],
    ])
    const mixedLines = items(parseMaterial('- 第一个想法\n- second idea\n- تجربة', 'markdown'))
    expect(mixedLines.map((i) => i.text)).toEqual(['第一个想法', 'second idea', 'تجربة'])
  })

  it('formats from file names: .txt, .md, .csv; anything else is not read', () => {
    expect(formatOfFile('a.txt')).toBe('text')
    expect(formatOfFile('notes.md')).toBe('markdown')
    expect(formatOfFile('x.csv')).toBe('csv')
    expect(formatOfFile('photo.jpg')).toBeNull()
    // a .txt file is never taken for CSV, even with commas in its first line
    expect(detectFormat('title, and more, words\nsecond', 'text')).toBe('lines')
  })
})
