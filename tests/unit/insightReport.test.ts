import { inflateSync } from 'node:zlib'
import * as Y from 'yjs'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../../shared/export/snapshot'
import { copyObjects, pasteObjects } from '../../shared/ops/clipboard'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { setQuote } from '../../shared/ops/quotes'
import { setAnonymous } from '../../shared/ops/session'
import { groupIntoFrame } from '../../shared/ops/themes'
import { objectMapOf } from '../../shared/schema/boardDoc'
import { readCanvases, removedOf } from '../../shared/schema/controlDoc'
import { answersOf, resultsOf } from '../../shared/schema/facilitation'
import type { Writer } from '../../shared/schema/rules'
import { reportToDocx } from '../../shared/report/docx'
import { reportToMarkdown } from '../../shared/report/markdown'
import { reportText, reportToPdf } from '../../shared/report/pdf'
import { fontsFor } from '../../server/report/insightExport'
import { buildInsightReport } from '../../shared/report/model'
import { buildSessionDocs, findTemplate } from '../../shared/templates'

const load = (u: Uint8Array): Y.Doc => {
  const d = new Y.Doc()
  Y.applyUpdate(d, u)
  return d
}

const fac = createOrigin('f'.repeat(43), 'Fay Facilitator')
const ann = createOrigin('a'.repeat(43), 'Ann Author')
const rob = createOrigin('r'.repeat(43), 'Rob Removed')
const facWriter: Writer = { role: 'facilitator', self: fac.userId, protect: false }

/** A session with a theme of three notes (one a quote), a loose note, a story, a recipe and an image. */
function session() {
  const docs = buildSessionDocs(findTemplate('sense-making')!, 'Neighbourhood stories')
  const [board, control] = [load(docs.board), load(docs.control)]
  const canvas = readCanvases(control)[0]!.id
  const at = (x: number, y: number, text: string, who = ann, now = Date.UTC(2026, 4, 3, 10)) =>
    addObject(board, { kind: 'sticky', canvas, x, y, text, now }, who)
  const few = at(0, 0, 'Few votes here')
  const many = at(250, 0, 'Most voted idea')
  const quote = at(500, 0, '“We were never asked.”')
  const theme = groupIntoFrame(board, [few, many, quote], 'Being heard', fac)!
  const loose = at(3000, 3000, 'A loose thought', rob)
  const story = addObject(
    board,
    {
      kind: 'story',
      canvas,
      x: 4000,
      y: 0,
      now: Date.UTC(2026, 4, 3, 11),
      props: { title: 'The bus stop', credit: 'Mei', anonymous: false },
      text: 'It happened at the bus stop.',
    },
    fac,
  )
  objectMapOf(board, story)!.set('contentNote', 'describes racist abuse')
  const recipe = addObject(
    board,
    {
      kind: 'recipe',
      canvas,
      x: 5000,
      y: 0,
      now: Date.UTC(2026, 4, 3, 12),
      props: { title: 'Soup night', credits: ['Ann', 'Bo'] },
    },
    ann,
  )
  const image = addObject(
    board,
    {
      kind: 'image',
      canvas,
      x: 6000,
      y: 0,
      now: Date.UTC(2026, 4, 3, 12),
      props: { src: 'ab'.repeat(32), alt: 'The market at dusk' },
    },
    ann,
  )
  setQuote(board, [quote], true, facWriter, fac)
  resultsOf(control).set(few, 1)
  resultsOf(control).set(many, 5)
  resultsOf(control).set(story, 2)
  answersOf(control).set('x'.repeat(43), 'agree')
  answersOf(control).set('y'.repeat(43), 'discuss')
  return { board, control, ids: { few, many, quote, theme, loose, story, recipe, image } }
}

const date = new Date(Date.UTC(2026, 4, 4))

describe('insight report model', () => {
  it('lists each theme’s notes by votes, with quotes set apart', () => {
    const { board, control } = session()
    const report = buildInsightReport(readSnapshot(board, control), { date })
    expect(report.title).toBe('Neighbourhood stories')
    expect(report.dateLines).toEqual(['Session held May 3, 2026', 'Report made May 4, 2026'])
    expect(report.commitments.length).toBeGreaterThan(0)
    const [theme, loose] = report.themes
    expect(theme!.heading).toBe('Being heard')
    expect(theme!.quotes.map((q) => q.text)).toEqual(['“We were never asked.”'])
    expect(theme!.notes.map((n) => n.text)).toEqual(['Most voted idea', 'Few votes here'])
    expect(theme!.notes[0]!.detail).toBe('Ann Author · 5 votes')
    expect(loose!.heading).toMatch(/^Not in a theme/)
    expect(loose!.notes.map((n) => n.text)).toEqual(['A loose thought'])
  })

  it('gives a story copied to small groups once, with the votes of every copy', () => {
    const { board, control, ids } = session()
    // each group's copy of the canvas, later brought back: the same story card twice more
    const copy = copyObjects(board, [ids.story])
    const canvas = readCanvases(control)[0]!.id
    pasteObjects(board, copy, canvas, { dx: 0, dy: 900 }, fac, Date.UTC(2026, 4, 3, 13))
    const [second] = pasteObjects(board, copy, canvas, { dx: 0, dy: 1800 }, fac, Date.UTC(2026, 4, 3, 13))
    resultsOf(control).set(second!, 3)
    const report = buildInsightReport(readSnapshot(board, control), { date })
    expect(report.stories).toEqual([
      expect.objectContaining({ id: ids.story, title: 'The bus stop', detail: '5 votes' }),
    ])
    expect(report.participation.people).toContainEqual({ name: 'Fay Facilitator', count: 1 })
  })

  it('gives stories their credit and content note, recipes their credit, images their alt text', () => {
    const { board, control } = session()
    const report = buildInsightReport(readSnapshot(board, control), { date })
    expect(report.stories).toEqual([
      expect.objectContaining({
        title: 'The bus stop',
        credit: 'Told by Mei',
        contentNote: 'describes racist abuse',
        text: 'It happened at the bus stop.',
        detail: '2 votes',
      }),
    ])
    // a story is no note of a theme: it has its own section
    expect(report.themes.flatMap((t) => t.notes.map((n) => n.text))).not.toContain(
      'It happened at the bus stop.',
    )
    expect(report.recipes[0]).toMatchObject({ title: 'Soup night', credit: 'Recipe by Ann and Bo' })
    expect(report.images[0]).toMatchObject({ alt: 'The market at dusk', described: true })
    expect(report.participation.lines).toContain(
      '1 person agreed to the Community Commitments; 1 wanted to discuss them.',
    )
    expect(report.participation.people).toEqual([
      { name: 'Ann Author', count: 5 },
      { name: 'Fay Facilitator', count: 1 },
      { name: 'Rob Removed', count: 1 },
    ])
    expect(report.agenda[0]).toMatchObject({ number: 1, reached: true })
    expect(report.agenda.at(-1)).toMatchObject({ reached: false })
  })

  it('leaves out what was hidden or withheld, and names no one in an anonymous session', () => {
    const { board, control, ids } = session()
    objectMapOf(board, ids.few)!.set('consent', false)
    objectMapOf(board, ids.story)!.set('hidden', true)
    objectMapOf(board, ids.image)!.set('consent', false)
    setAnonymous(control, true, fac)
    const report = buildInsightReport(readSnapshot(board, control), { date })
    const md = reportToMarkdown(report)
    for (const gone of ['Few votes here', 'The bus stop', 'market at dusk']) expect(md).not.toContain(gone)
    for (const name of ['Ann Author', 'Rob Removed', 'Fay', 'Mei', 'Bo']) expect(md).not.toContain(name)
    expect(report.participation.people).toBeNull()
    expect(report.recipes[0]!.credit).toBe('Recipe by anonymous')
    expect(md).toContain('Most voted idea')
    expect(md).toContain('no one is named')
  })

  it('does not name a removed person, unless the snapshot does', () => {
    const { board, control } = session()
    removedOf(control).set(rob.userId, true)
    const masked = reportToMarkdown(buildInsightReport(readSnapshot(board, control), { date }))
    expect(masked).not.toContain('Rob Removed')
    expect(masked).toContain('Removed person')
    const named = readSnapshot(board, control, undefined, { includeRemoved: true })
    expect(reportToMarkdown(buildInsightReport(named, { date }))).toContain('Rob Removed')
  })

  it('keeps Chinese text whole and words the report in Chinese when asked', () => {
    const { board, control } = session()
    const canvas = readCanvases(control)[0]!.id
    addObject(board, { kind: 'sticky', canvas, x: 9000, y: 9000, text: '我们需要更多的公园', now: 1 }, ann)
    const report = buildInsightReport(readSnapshot(board, control), { date, lang: 'zh-CN' })
    const md = reportToMarkdown(report)
    expect(md).toContain('我们需要更多的公园')
    expect(md).toContain('## 社区承诺')
    expect(md).toContain('内容提示：describes racist abuse')
    expect(report.dateLines.at(-1)).toBe('报告生成于 2026年5月4日')
  })
})

describe('insight report renderers', () => {
  it('Markdown sets quotes apart and puts a content note before its story', () => {
    const { board, control } = session()
    const md = reportToMarkdown(buildInsightReport(readSnapshot(board, control), { date }))
    expect(md).toContain('#### Quotes\n\n> “We were never asked.”')
    expect(md.indexOf('Most voted idea')).toBeLessThan(md.indexOf('Few votes here'))
    const story = md.slice(md.indexOf('### The bus stop'))
    expect(story.indexOf('Content note: describes racist abuse')).toBeLessThan(
      story.indexOf('It happened at the bus stop.'),
    )
    expect(story).toContain('_Told by Mei_')
    expect(md).toContain('The market at dusk')
    expect(md).toContain('## Agenda as it ran')
  })

  it('DOCX holds the same content, in order, with real headings and the alt text on the picture', async () => {
    const { board, control } = session()
    const report = buildInsightReport(readSnapshot(board, control), { date })
    const png = tinyPng()
    const pictures = new Map([['ab'.repeat(32), { data: png, type: 'png' as const, width: 1, height: 1 }]])
    const files = unzipSync(await reportToDocx(report, pictures))
    const xml = strFromU8(files['word/document.xml']!)
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
    const order = [
      'Neighbourhood stories',
      'Community Commitments',
      'Being heard',
      '“We were never asked.”',
      'Most voted idea',
      'Few votes here',
      'Content note: describes racist abuse',
      'It happened at the bus stop.',
      'Recipe by Ann and Bo',
      'Participation',
      'The market at dusk',
      'Agenda as it ran',
    ]
    const at = order.map((s) => text.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:pStyle w:val="InsightQuote"/>')
    expect(xml).toMatch(/<wp:docPr [^>]*descr="The market at dusk"/)
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true)
  })

  it('DOCX keeps Chinese text and marks its language', async () => {
    const { board, control } = session()
    const canvas = readCanvases(control)[0]!.id
    const id = addObject(board, { kind: 'sticky', canvas, x: 9000, y: 9000, text: '我们需要公园' }, ann)
    objectMapOf(board, id)!.set('lang', 'zh-CN')
    const report = buildInsightReport(readSnapshot(board, control), { date, lang: 'zh-CN' })
    const xml = strFromU8(unzipSync(await reportToDocx(report, new Map()))['word/document.xml']!)
    expect(xml).toContain('我们需要公园')
    expect(xml).toContain('w:eastAsia="zh-CN"')
    expect(xml).toContain('洞察报告'.toUpperCase())
  })
})

describe('insight report PDF', () => {
  it('embeds the Chinese font subsets its text needs, and writes the Latin text as text', async () => {
    const { board, control } = session()
    const canvas = readCanvases(control)[0]!.id
    addObject(board, { kind: 'sticky', canvas, x: 9000, y: 9000, text: '我们需要公园' }, ann)
    const report = buildInsightReport(readSnapshot(board, control), { date })
    const fonts = await fontsFor(reportText(report))
    expect(fonts.length).toBeGreaterThan(0)
    const pdf = Buffer.from(reportToPdf(report, new Map(), { fonts }))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const raw = pdf.toString('latin1')
    expect(raw).toMatch(/\/BaseFont\s*\/NotoSansSC-0/)
    const text = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1')
        } catch {
          return ''
        }
      })
      .join('\n')
    expect(text.indexOf('We were never asked')).toBeGreaterThan(0)
    expect(text.indexOf('Most voted idea')).toBeLessThan(text.indexOf('Few votes here'))
    // without a font for them (no Chinese subset given), Chinese characters are left out, never garbled
    const bare = Buffer.from(reportToPdf(report, new Map(), { fonts: [] })).toString('latin1')
    expect(bare).not.toMatch(/NotoSansSC/)
  })
})

/** A 1×1 PNG. */
function tinyPng(): Uint8Array {
  return Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  )
}
