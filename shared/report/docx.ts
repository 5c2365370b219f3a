import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import { flattenRich, type RichRun, type RichText } from '../schema/richBlocks'
import type { InsightReport, ReportNote } from './model'
import { fitInside, type ReportPictures } from './pictures'

/*
 * The insight report as a Word document (docx), for organisers to edit in Word or LibreOffice:
 * real headings (the navigation pane lists the themes), real paragraphs and runs (bold, italic kept),
 * pictures with their alt text as the picture's description. Same sections and order as the PDF.
 */

const MUTED = '57606A'
const ACCENT = '8A4B12'
const QUOTE_STYLE = 'InsightQuote'
const DETAIL_STYLE = 'InsightDetail'
const NOTICE_STYLE = 'InsightContentNote'
/** Twips per level of list indent. */
const INDENT = 360
/** The widest a picture is set, in pixels at 96 a inch (A4 less Word's default margins is about 600). */
const PICTURE_MAX = { w: 560, h: 520 }

/** Word's language of a text: the note's own tag, or the report's; Chinese goes in the East Asian slot. */
function languageOf(lang: string): IRunOptions['language'] {
  if (!lang) return undefined
  return lang.startsWith('zh') || lang === 'ja' || lang === 'ko' ? { eastAsia: lang } : { value: lang }
}

/** A run of rich text as Word runs: its hard breaks ('\n') as line breaks. */
function runsOf(r: RichRun, lang: string): TextRun[] {
  return r.text.split('\n').map(
    (text, i) =>
      new TextRun({
        text,
        break: i > 0 ? 1 : undefined,
        bold: r.bold,
        italics: r.italic,
        strike: r.strike,
        underline: r.underline ? {} : undefined,
        font: r.code ? 'Courier New' : undefined,
        language: languageOf(lang),
      }),
  )
}

/** Rich text as paragraphs: a paragraph per text block, lists indented with their markers. */
function richParagraphs(rich: RichText, lang: string, style?: string, bullet?: string): Paragraph[] {
  const blocks = flattenRich(rich)
  return blocks.map((b, i) => {
    const marker = b.marker ? `${b.marker}\t` : ''
    const lead = i === 0 && bullet ? `${bullet}\t` : ''
    const runs = b.runs.flatMap((r) =>
      runsOf(
        b.type === 'heading' ? { ...r, bold: true } : b.type === 'code' ? { ...r, code: true } : r,
        lang,
      ),
    )
    const indent = INDENT * (b.indent + b.quote + (bullet ? 1 : 0))
    return new Paragraph({
      style,
      children: [...(lead || marker ? [new TextRun(lead + marker)] : []), ...runs],
      indent: indent ? { left: indent, hanging: lead || marker ? INDENT : 0 } : undefined,
    })
  })
}

const plain = (text: string, style?: string, lang = ''): Paragraph =>
  new Paragraph({ style, children: [new TextRun({ text, language: languageOf(lang) })] })

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
  new Paragraph({ heading: level, children: [new TextRun(text)] })

function noteParagraphs(n: ReportNote, report: InsightReport, quote: boolean): Paragraph[] {
  const out: Paragraph[] = []
  // the content note first: a reader sees what the text holds before reading it
  if (n.contentNote) out.push(plain(report.words.contentNote(n.contentNote), NOTICE_STYLE))
  out.push(...richParagraphs(n.rich, n.lang, quote ? QUOTE_STYLE : undefined, quote ? undefined : '•'))
  if (n.detail)
    out.push(
      new Paragraph({
        style: DETAIL_STYLE,
        indent: { left: quote ? INDENT * 2 : INDENT },
        children: [new TextRun(quote ? `— ${n.detail}` : n.detail)],
      }),
    )
  return out
}

/** The insight report as a .docx file's bytes. */
export async function reportToDocx(report: InsightReport, pictures: ReportPictures): Promise<Uint8Array> {
  const w = report.words
  const body: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: w.kicker.toUpperCase(), bold: true, color: ACCENT })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    ...report.dateLines.map((l) => plain(l, DETAIL_STYLE)),
  ]
  if (report.anonymous) body.push(plain(w.anonymous, DETAIL_STYLE))
  body.push(heading(w.commitments, HeadingLevel.HEADING_1))
  if (report.commitments.length === 0) body.push(plain(w.noCommitments))
  report.commitments.forEach((c, i) => {
    body.push(plain(`${i + 1}. ${c.text}`, undefined, c.lang))
    if (c.second)
      body.push(
        new Paragraph({
          indent: { left: INDENT },
          children: [new TextRun({ text: c.second.text, language: languageOf(c.second.lang) })],
        }),
      )
  })
  body.push(heading(w.themes, HeadingLevel.HEADING_1))
  if (report.themes.length === 0) body.push(plain(w.noThemes))
  for (const theme of report.themes) {
    body.push(heading(theme.heading, HeadingLevel.HEADING_2))
    if (theme.quotes.length > 0) {
      body.push(heading(w.quotes, HeadingLevel.HEADING_3))
      for (const q of theme.quotes) body.push(...noteParagraphs(q, report, true))
    }
    if (theme.notes.length > 0 && theme.quotes.length > 0) body.push(heading(w.notes, HeadingLevel.HEADING_3))
    for (const n of theme.notes) body.push(...noteParagraphs(n, report, false))
  }
  body.push(...stories(report), ...recipes(report), ...participation(report))
  body.push(...images(report, pictures), ...agenda(report))
  const doc = new Document({
    creator: w.kicker,
    title: report.title,
    description: w.kicker,
    styles: {
      default: {
        document: {
          run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Noto Sans SC' }, size: 22 },
          paragraph: { spacing: { after: 80 } },
        },
      },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Insight quote',
          basedOn: 'Normal',
          run: { italics: true, size: 24 },
          paragraph: {
            indent: { left: INDENT * 2 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 8 } },
          },
        },
        {
          id: DETAIL_STYLE,
          name: 'Insight detail',
          basedOn: 'Normal',
          run: { italics: true, size: 18, color: MUTED },
          paragraph: { spacing: { after: 160 } },
        },
        {
          id: NOTICE_STYLE,
          name: 'Insight content note',
          basedOn: 'Normal',
          run: { bold: true, color: ACCENT },
        },
      ],
    },
    sections: [{ children: body }],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

function stories(report: InsightReport): Paragraph[] {
  if (report.stories.length === 0) return []
  const w = report.words
  const out = [heading(w.stories, HeadingLevel.HEADING_1)]
  for (const s of report.stories) {
    out.push(heading(s.title, HeadingLevel.HEADING_2), plain(s.credit, DETAIL_STYLE))
    if (s.contentNote) out.push(plain(w.contentNote(s.contentNote), NOTICE_STYLE))
    out.push(...richParagraphs(s.rich, s.lang))
    if (s.detail) out.push(plain(s.detail, DETAIL_STYLE))
  }
  return out
}

function recipes(report: InsightReport): Paragraph[] {
  if (report.recipes.length === 0) return []
  const w = report.words
  const out = [heading(w.recipes, HeadingLevel.HEADING_1)]
  const labelled = (label: string, text: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] })
  for (const r of report.recipes) {
    out.push(heading(r.title, HeadingLevel.HEADING_2), plain(r.credit, DETAIL_STYLE))
    if (r.contentNote) out.push(plain(w.contentNote(r.contentNote), NOTICE_STYLE))
    if (r.forWhom) out.push(labelled(w.forWhom, r.forWhom))
    if (r.ingredients.length > 0) {
      out.push(heading(w.ingredients, HeadingLevel.HEADING_3))
      for (const i of r.ingredients) out.push(...richParagraphs([paragraphOf(i)], r.lang, undefined, '•'))
    }
    if (r.method.length > 0)
      out.push(heading(w.method, HeadingLevel.HEADING_3), ...richParagraphs(r.method, r.lang))
    if (r.tips) out.push(labelled(w.tips, r.tips))
    if (r.detail) out.push(plain(r.detail, DETAIL_STYLE))
  }
  return out
}

const paragraphOf = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] })

function participation(report: InsightReport): Paragraph[] {
  const w = report.words
  const p = report.participation
  const out = [heading(w.participation, HeadingLevel.HEADING_1)]
  for (const line of p.lines) out.push(plain(line))
  if (p.people && p.people.length > 0) {
    out.push(heading(w.byPerson, HeadingLevel.HEADING_3))
    for (const person of p.people) out.push(plain(`${person.name}: ${w.contributions(person.count)}`))
  }
  return out
}

function images(report: InsightReport, pictures: ReportPictures): Paragraph[] {
  if (report.images.length === 0) return []
  const w = report.words
  const out = [heading(w.images, HeadingLevel.HEADING_1)]
  report.images.forEach((img, i) => {
    if (img.contentNote) out.push(plain(w.contentNote(img.contentNote), NOTICE_STYLE))
    const picture = pictures.get(img.src)
    const children: ParagraphChild[] = []
    if (picture) {
      // as large as it was on the board (pixels at 96 an inch, as Word counts them), within the page
      const size = fitInside(img.w, img.h, PICTURE_MAX.w, PICTURE_MAX.h)
      children.push(
        new ImageRun({
          type: picture.type,
          data: picture.data,
          transformation: { width: size.w, height: size.h },
          altText: { name: `Image ${i + 1}`, title: img.alt, description: img.alt },
        }),
      )
    }
    if (children.length > 0) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children }))
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: img.alt, italics: !img.described }),
          ...(picture ? [] : [new TextRun({ text: ` ${w.imageMissing}`, color: MUTED })]),
        ],
      }),
    )
    if (img.detail)
      out.push(new Paragraph({ style: DETAIL_STYLE, alignment: AlignmentType.CENTER, text: img.detail }))
  })
  return out
}

function agenda(report: InsightReport): Paragraph[] {
  const w = report.words
  const out = [heading(w.agenda, HeadingLevel.HEADING_1)]
  for (const step of report.agenda) {
    out.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `${step.number}. ${step.title}`,
            bold: true,
            color: step.reached ? undefined : MUTED,
          }),
          new TextRun({ text: ` (${step.detail})`, color: MUTED }),
        ],
      }),
    )
    if (step.prompt) out.push(new Paragraph({ indent: { left: INDENT }, text: step.prompt }))
  }
  return out
}
