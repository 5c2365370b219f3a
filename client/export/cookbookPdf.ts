import { jsPDF } from 'jspdf'
import type { Cookbook, CookbookRecipe } from './cookbook'
import { breathe } from './exportJob'
import { cookbookCount } from './cookbookHtml'
import { isWinAnsi } from './layout'
import { embedFontsFor, exportLabels } from './pdfFonts'
import { richItem } from './pdfRichText'
import { PdfWriter, type TextStyle } from './pdfWriter'
import { currentLanguage, i18n } from '../i18n'

const MUTED = '#57606a'
const BODY: TextStyle = { size: 11.5, after: 3 }
const SECTION = 13
const TOC: TextStyle = { size: 12 }
const TOC_LINE = TOC.size * 1.35 + 4
const TOC_HEADING = 22
/** Room above the first contents line on every contents page (the heading on the first). */
const TOC_TOP = TOC_HEADING * 2.5

export interface CookbookPdfInput {
  readonly book: Cookbook
  readonly date: string
  readonly signal: AbortSignal
  readonly progress: (done: number, total: number) => void
}

/**
 * The cook book as a PDF of real text: a cover, contents (linked to each recipe), one recipe per
 * page with its credit line, and an index of contributors. The contents pages are set aside first
 * and filled in last, once every recipe's page number is known.
 */
export async function cookbookPdf({ book, date, signal, progress }: CookbookPdfInput): Promise<Blob> {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true })
  doc.setProperties({
    title: i18n.t('export:cookbook.pdfTitle', { title: book.title }),
    subject: i18n.t('export:cookbook.kicker'),
    creator: i18n.t('common:appName'),
  })
  doc.setLanguage(currentLanguage())
  const w = new PdfWriter(doc)
  w.fonts = await embedFontsFor(doc, JSON.stringify(book) + exportLabels())
  cover(w, book, date)
  const perPage = Math.floor((w.page.h - w.margin * 2 - TOC_TOP) / TOC_LINE)
  const tocPages = Math.max(1, Math.ceil((book.recipes.length + 1) / perPage))
  const tocStart = w.pageNumber + 1
  for (let i = 0; i < tocPages; i++) w.newPage()
  const pages = new Map<CookbookRecipe, number>()
  const total = book.recipes.length + 1
  for (const [i, recipe] of book.recipes.entries()) {
    await breathe(signal)
    w.newPage()
    pages.set(recipe, w.pageNumber)
    doc.outline.add(
      null,
      isWinAnsi(recipe.title) ? recipe.title : i18n.t('export:cookbook.bookmark', { n: i + 1 }),
      {
        pageNumber: w.pageNumber,
      },
    )
    recipePage(w, recipe)
    progress(i + 1, total)
  }
  w.newPage()
  const indexPage = w.pageNumber
  doc.outline.add(null, i18n.t('export:cookbook.contributorsHeading'), { pageNumber: indexPage })
  contributors(w, book, pages)
  contents(w, book, pages, indexPage, { start: tocStart, perPage })
  await breathe(signal)
  progress(total, total)
  return doc.output('blob')
}

function cover(w: PdfWriter, book: Cookbook, date: string): void {
  w.space(180)
  w.text(i18n.t('export:cookbook.kicker').toUpperCase(), {
    size: 13,
    bold: true,
    color: '#8a4b12',
    after: 10,
  })
  w.text(book.title, { size: 32, bold: true, after: 18 })
  w.text(cookbookCount(book.recipes.length, book.contributors.length), { size: 14, after: 6 })
  w.text(i18n.t('export:cookbook.made', { date }), { size: 12, color: MUTED })
}

function recipePage(w: PdfWriter, r: CookbookRecipe): void {
  w.text(r.title, { size: 24, bold: true, after: 6 })
  w.text(r.credit, { size: 12.5, italic: true, color: '#6b4a1e', after: 4 })
  if (r.theme) w.text(i18n.t('export:cookbook.theme', { theme: r.theme }), { size: 10.5, color: MUTED })
  if (r.votes > 0) w.text(i18n.t('export:cookbook.votes', { count: r.votes }), { size: 10.5, color: MUTED })
  w.space(14)
  if (r.contentNote)
    w.text(i18n.t('material:contentNote.prefix', { note: r.contentNote }), {
      ...BODY,
      bold: true,
      color: '#8a1c1c',
      after: 12,
    })
  if (r.forWhom) {
    w.heading(i18n.t('export:cookbook.forWhom'), SECTION)
    w.text(r.forWhom, { ...BODY, after: 12 })
  }
  if (r.ingredients.length > 0) {
    w.heading(i18n.t('export:cookbook.ingredients'), SECTION)
    for (const ingredient of r.ingredients) w.item('•', ingredient, BODY)
    w.space(12)
  }
  if (r.methodRich) {
    w.heading(i18n.t('export:cookbook.method'), SECTION)
    richItem(w, '', r.methodRich, BODY)
    w.space(12)
  } else if (r.method.length > 0) {
    w.heading(i18n.t('export:cookbook.method'), SECTION)
    r.method.forEach((step, i) => w.item(`${i + 1}.`, step, { ...BODY, after: 5 }))
    w.space(12)
  }
  if (r.tips) {
    w.heading(i18n.t('export:cookbook.tips'), SECTION)
    w.text(r.tips, BODY)
  }
}

function contributors(w: PdfWriter, book: Cookbook, pages: ReadonlyMap<CookbookRecipe, number>): void {
  w.heading(i18n.t('export:cookbook.contributorsHeading'), TOC_HEADING)
  if (book.contributors.length === 0) w.text(i18n.t('export:cookbook.noContributors'), BODY)
  for (const c of book.contributors) {
    w.ensure(40)
    w.text(c.name, { size: 12, bold: true, after: 2 })
    for (const r of c.recipes)
      w.item('–', `${r.title}, ${i18n.t('export:cookbook.page', { n: pages.get(r) ?? 0 })}`, {
        ...BODY,
        indent: 8,
      })
    w.space(6)
  }
  if (book.anonymousCount > 0) {
    w.space(6)
    w.text(i18n.t('export:cookbook.anonymous', { count: book.anonymousCount }), {
      ...BODY,
      italic: true,
      color: MUTED,
    })
  }
}

/** Fills the contents pages set aside after the cover: one linked line per recipe, then the index. */
function contents(
  w: PdfWriter,
  book: Cookbook,
  pages: ReadonlyMap<CookbookRecipe, number>,
  indexPage: number,
  at: { start: number; perPage: number },
): void {
  const entries = book.recipes.map((r) => ({ title: r.title, page: pages.get(r) ?? 0 }))
  entries.push({ title: i18n.t('export:cookbook.contributorsHeading'), page: indexPage })
  const right = w.page.w - w.margin
  entries.forEach((entry, i) => {
    if (i % at.perPage === 0) {
      w.doc.setPage(at.start + i / at.perPage)
      w.y = w.margin
      if (i === 0) w.text(i18n.t('export:cookbook.contents'), { size: TOC_HEADING, bold: true })
      w.y = w.margin + TOC_TOP
    }
    const number = String(entry.page)
    const room = w.width() - w.measure(number, TOC) - 24
    const [first = '', ...more] = w.lines(entry.title, TOC, room)
    w.textAt(more.length > 0 ? `${first.replace(/\s*\S?$/, '')}…` : first, TOC, w.margin)
    w.textAt(number, TOC, right - w.measure(number, TOC))
    w.doc.link(w.margin, w.y, w.width(), TOC_LINE, { pageNumber: entry.page })
    w.y += TOC_LINE
  })
  if (book.recipes.length === 0) w.text(i18n.t('export:cookbook.empty'), BODY)
}
