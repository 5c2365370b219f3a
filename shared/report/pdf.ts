import { jsPDF } from 'jspdf'
import { flattenRich, type RichText } from '../schema/richBlocks'
import type { PdfFont } from './fonts'
import type { InsightReport, ReportNote } from './model'
import { PdfText, type RasterText, type Style } from './pdfText'
import { fitInside, type ReportPictures } from './pictures'

/*
 * The insight report as a PDF: the same sections, in the same order, as the DOCX and the Markdown.
 * jsPDF runs in the page and in Node alike; what differs is handed in: the fonts (Noto Sans SC
 * subsets the text needs, read from the page's style sheets or from node_modules) and, in the page,
 * pictures of text no font covers.
 */

const MUTED = '#57606a'
const ACCENT = '#8a4b12'
const BODY: Style = { size: 11, after: 2 }
const DETAIL: Style = { size: 9, italic: true, color: MUTED, after: 6 }
const NOTICE: Style = { size: 10, bold: true, color: ACCENT, after: 2 }
const QUOTE: Style = { size: 12, italic: true, after: 2 }
const H1 = 17
const H2 = 13.5
const H3 = 11.5

export interface PdfOptions {
  readonly fonts: readonly PdfFont[]
  readonly raster?: RasterText
}

/** Every character the PDF will write, so the caller can embed the fonts they need. */
export const reportText = (report: InsightReport): string => JSON.stringify(report)

/** Rich text as the PDF's lines: one per text block, list markers and indents kept, marks dropped. */
function richBlocks(w: PdfText, rich: RichText, style: Style): void {
  for (const b of flattenRich(rich)) {
    const text = b.runs.map((r) => r.text).join('')
    const indent = (style.indent ?? 0) + 14 * (b.indent + b.quote)
    const blockStyle = { ...style, indent, bold: style.bold || b.type === 'heading', after: 1 }
    if (b.type === 'rule') w.space(6)
    else if (b.marker) w.item(b.marker, text, blockStyle)
    else w.text(text || ' ', blockStyle)
  }
  w.space(style.after ?? 0)
}

function note(w: PdfText, n: ReportNote, report: InsightReport, quote: boolean): void {
  const indent = quote ? 18 : 0
  w.ensure(BODY.size * 4)
  const top = w.y
  if (n.contentNote) w.text(report.words.contentNote(n.contentNote), { ...NOTICE, indent: indent + 14 })
  if (quote) richBlocks(w, n.rich, { ...QUOTE, indent: indent + 10 })
  else {
    // a bullet before the first line; the whole note hangs under its text
    w.ensure(BODY.size * 2)
    w.marker('•', BODY, w.margin)
    richBlocks(w, n.rich, { ...BODY, indent: 15.4, after: 1 })
  }
  if (quote) w.bar(top, w.margin + indent, ACCENT)
  if (n.detail)
    w.text(quote ? `— ${n.detail}` : n.detail, { ...DETAIL, indent: indent + (quote ? 10 : 15.4) })
  else w.space(4)
}

/** The insight report as a PDF file's bytes. */
export function reportToPdf(
  report: InsightReport,
  pictures: ReportPictures,
  options: PdfOptions,
): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true })
  doc.setProperties({ title: report.title, subject: report.words.kicker, creator: report.words.kicker })
  doc.setLanguage(report.lang as Parameters<jsPDF['setLanguage']>[0])
  const w = new PdfText(doc, options.fonts, options.raster ?? null)
  const words = report.words
  w.space(40)
  w.text(words.kicker.toUpperCase(), { size: 11, bold: true, color: ACCENT, after: 8 })
  w.text(report.title, { size: 26, bold: true, after: 10 })
  for (const line of report.dateLines) w.text(line, { size: 11, color: MUTED, after: 2 })
  if (report.anonymous) w.text(words.anonymous, { size: 11, color: MUTED })
  w.space(24)
  w.heading(words.commitments, H1, true)
  if (report.commitments.length === 0) w.text(words.noCommitments, BODY)
  report.commitments.forEach((c, i) => {
    w.item(`${i + 1}.`, c.text, { ...BODY, size: 11.5, after: c.second ? 1 : 5 })
    if (c.second) w.text(c.second.text, { ...BODY, color: MUTED, indent: 16, after: 5 })
  })
  w.newPage()
  w.heading(words.themes, H1, true)
  if (report.themes.length === 0) w.text(words.noThemes, BODY)
  for (const theme of report.themes) {
    w.space(6)
    w.heading(theme.heading, H2, true)
    if (theme.quotes.length > 0) {
      w.heading(words.quotes, H3)
      for (const q of theme.quotes) note(w, q, report, true)
    }
    if (theme.notes.length > 0 && theme.quotes.length > 0) w.heading(words.notes, H3)
    for (const n of theme.notes) note(w, n, report, false)
  }
  stories(w, report)
  recipes(w, report)
  participation(w, report)
  images(w, report, pictures)
  agenda(w, report)
  return new Uint8Array(doc.output('arraybuffer'))
}

function stories(w: PdfText, report: InsightReport): void {
  if (report.stories.length === 0) return
  w.space(12)
  w.heading(report.words.stories, H1, true)
  for (const s of report.stories) {
    w.space(4)
    w.heading(s.title, H2)
    w.text(s.credit, { ...DETAIL, after: 4 })
    // the content note before the story: a reader decides whether to read on
    if (s.contentNote) w.text(report.words.contentNote(s.contentNote), { ...NOTICE, after: 4 })
    richBlocks(w, s.rich, { ...BODY, after: 4 })
    if (s.detail) w.text(s.detail, DETAIL)
  }
}

function recipes(w: PdfText, report: InsightReport): void {
  if (report.recipes.length === 0) return
  const words = report.words
  w.space(12)
  w.heading(words.recipes, H1, true)
  for (const r of report.recipes) {
    w.space(4)
    w.heading(r.title, H2)
    w.text(r.credit, { ...DETAIL, after: 4 })
    if (r.contentNote) w.text(words.contentNote(r.contentNote), NOTICE)
    if (r.forWhom) w.text(`${words.forWhom}: ${r.forWhom}`, { ...BODY, after: 4 })
    if (r.ingredients.length > 0) {
      w.text(words.ingredients, { ...BODY, bold: true })
      for (const i of r.ingredients) w.item('•', i, BODY)
      w.space(4)
    }
    if (r.method.length > 0) {
      w.text(words.method, { ...BODY, bold: true })
      richBlocks(w, r.method, { ...BODY, after: 4 })
    }
    if (r.tips) w.text(`${words.tips}: ${r.tips}`, { ...BODY, after: 4 })
    if (r.detail) w.text(r.detail, DETAIL)
  }
}

function participation(w: PdfText, report: InsightReport): void {
  const words = report.words
  const p = report.participation
  w.space(12)
  w.heading(words.participation, H1, true)
  for (const line of p.lines) w.item('•', line, BODY)
  if (p.people && p.people.length > 0) {
    w.space(6)
    w.heading(words.byPerson, H3)
    for (const person of p.people) w.item('•', `${person.name}: ${words.contributions(person.count)}`, BODY)
  }
}

function images(w: PdfText, report: InsightReport, pictures: ReportPictures): void {
  if (report.images.length === 0) return
  w.space(12)
  w.heading(report.words.images, H1, true)
  for (const img of report.images) {
    if (img.contentNote) w.text(report.words.contentNote(img.contentNote), NOTICE)
    const picture = pictures.get(img.src)
    if (picture) {
      // as large as it was on the board (0.75 pt a unit), never wider than the text or taller than half a page
      const size = fitInside(img.w * 0.75, img.h * 0.75, w.width(), 320)
      w.ensure(size.h + 40)
      const x = w.margin + (w.width() - size.w) / 2
      w.doc.addImage(picture.data, picture.type === 'png' ? 'PNG' : 'JPEG', x, w.y, size.w, size.h)
      w.space(size.h + 6)
    }
    const caption = picture ? img.alt : `${img.alt} ${report.words.imageMissing}`
    w.text(caption, { ...BODY, italic: !img.described, after: 1 })
    if (img.detail) w.text(img.detail, DETAIL)
    w.space(8)
  }
}

function agenda(w: PdfText, report: InsightReport): void {
  w.space(12)
  w.heading(report.words.agenda, H1, true)
  for (const step of report.agenda) {
    w.item(`${step.number}.`, step.title, {
      ...BODY,
      bold: true,
      color: step.reached ? undefined : MUTED,
      after: 0,
    })
    w.text(step.detail, { ...DETAIL, indent: 15.4, after: 1 })
    if (step.prompt) w.text(step.prompt, { ...BODY, indent: 15.4, after: 6 })
  }
}
