import { jsPDF } from 'jspdf'
import type { SessionSnapshot } from '../../shared/export/snapshot'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import { drawableObjects, pagesOf, type ExportPage } from './exportObjects'
import { fitRect, isWinAnsi, longDate, orientationFor, pictureBox } from './layout'
import { canvasOutline, drawingCount, type OutlineSection } from './outline'
import { embedFontsFor, exportLabels } from './pdfFonts'
import { richItem } from './pdfRichText'
import { PdfWriter, type TextStyle } from './pdfWriter'
import { breathe } from './exportJob'
import { BoardRenderer, type Rendered } from './renderBoard'
import { currentLanguage, i18n } from '../i18n'

const MUTED = '#57606a'
const BODY: TextStyle = { size: 11, after: 3 }
const DETAIL: TextStyle = { size: 9, italic: true, color: MUTED }
const WARNING: TextStyle = { size: 10, bold: true, color: '#8a1c1c', after: 1 }
/** Pictures in a PDF need not be poster-sized: about 350 dpi across a landscape A4 page is plenty. */
const PICTURE_LIMITS = { side: 4096, area: 12_000_000 }
/**
 * Points per canvas unit at most (a board at 100% is 96 units an inch, a page 72 points): a frame
 * with one note is shown at its real size, not blown up to fill the page.
 */
const MAX_POINTS_PER_UNIT = 0.75

export interface ReportInput {
  readonly snapshot: SessionSnapshot
  /** The canvases to include, in order. */
  readonly canvases: readonly CanvasInfo[]
  readonly framesAsPages: boolean
  readonly imageSource: (src: string) => string | null
  readonly date: Date
  readonly signal: AbortSignal
  readonly progress: (done: number, total: number) => void
}

/** The session as a PDF: a cover with the Community Commitments, then a page per canvas (or frame). */
export async function reportPdf(input: ReportInput): Promise<Blob> {
  const s = input.snapshot
  const doc = new jsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true })
  doc.setProperties({
    title: s.title || i18n.t('export:report.untitled'),
    subject: i18n.t('export:report.kicker'),
    creator: i18n.t('common:appName'),
  })
  doc.setLanguage(currentLanguage())
  const w = new PdfWriter(doc)
  // Fonts for every script the session's text uses (Chinese: Noto Sans SC), embedded as real text.
  w.fonts = await embedFontsFor(doc, JSON.stringify(s) + exportLabels())
  cover(w, s, input.date)
  const plan = input.canvases.flatMap((canvas) =>
    pagesOf(drawableObjects(s.objects, canvas.id, s.facilitation.anonymous), {
      framesAsPages: input.framesAsPages,
    }).map((page) => ({ canvas, page })),
  )
  const total = plan.length + 1
  input.progress(0, total)
  const renderer = new BoardRenderer(input.imageSource)
  try {
    for (const [i, { canvas, page }] of plan.entries()) {
      await breathe(input.signal)
      const rendered =
        page.objects.length > 0
          ? await renderer.render(page.objects, {
              pixelRatio: 2,
              signal: input.signal,
              limits: PICTURE_LIMITS,
            })
          : null
      canvasPage(w, s, canvas, page, rendered)
      if (rendered) rendered.canvas.width = 0 // let the bitmap go before the next one is drawn
      input.progress(i + 1, total)
    }
  } finally {
    renderer.dispose()
  }
  await breathe(input.signal)
  const blob = doc.output('blob')
  input.progress(total, total)
  return blob
}

function cover(w: PdfWriter, s: SessionSnapshot, date: Date): void {
  w.space(80)
  w.text(i18n.t('export:report.kicker').toUpperCase(), { size: 11, bold: true, color: '#8a4b12', after: 8 })
  w.text(s.title.trim() || i18n.t('export:report.untitled'), { size: 28, bold: true, after: 12 })
  w.text(i18n.t('export:report.exported', { date: longDate(date, currentLanguage()) }), {
    size: 12,
    color: MUTED,
    after: 4,
  })
  if (s.facilitation.anonymous) w.text(i18n.t('export:report.anonymous'), { size: 12, color: MUTED })
  w.space(36)
  w.heading(i18n.t('export:report.commitments'), 16)
  if (s.commitments.length === 0) w.text(i18n.t('export:report.noCommitments'), BODY)
  s.commitments.forEach((c, i) => w.item(`${i + 1}.`, c, { size: 12, after: 6 }))
}

function canvasPage(
  w: PdfWriter,
  s: SessionSnapshot,
  canvas: CanvasInfo,
  page: ExportPage,
  rendered: Rendered | null,
): void {
  const sections = canvasOutline(s, canvas.id, page)
  const drawings = page.frameId || page.outside ? 0 : drawingCount(s, canvas.id)
  const picture = rendered?.canvas
  w.newPage(picture ? orientationFor(picture.width, picture.height) : 'portrait')
  const heading = page.title
    ? i18n.t('export:report.pageHeading', { canvas: canvas.name, frame: page.title })
    : canvas.name
  if (isWinAnsi(heading)) w.doc.outline.add(null, heading, { pageNumber: w.pageNumber })
  w.heading(heading, 18)
  if (!rendered || !picture) {
    const anything = s.objects.some((o) => o.canvas === canvas.id)
    w.text(anything ? i18n.t('export:report.withheld') : i18n.t('export:report.empty'), {
      ...BODY,
      color: MUTED,
    })
    return
  }
  const followed = sections.length > 0 || drawings > 0
  const box = pictureBox(w.page, w.y, w.margin, followed)
  const spot = fitRect(box, picture.width, picture.height, MAX_POINTS_PER_UNIT / rendered.pixelRatio)
  // JPEG: on a white background it is a fraction of the size of PNG, and jsPDF embeds it as is
  w.image(picture.toDataURL('image/jpeg', 0.92), 'JPEG', spot)
  w.y = spot.y + spot.h + 18
  notes(w, sections, drawings)
}

function notes(w: PdfWriter, sections: readonly OutlineSection[], drawings: number): void {
  if (sections.length > 0) w.heading(i18n.t('export:report.notes'), 14)
  for (const section of sections) {
    if (section.heading) w.heading(section.heading, 12)
    for (const item of section.items) {
      const detail = { text: item.detail, style: DETAIL }
      // a content note comes first, set apart, so a reader meets it before the words it warns about
      if (item.warning) w.item('•', item.warning, WARNING)
      const marker = item.warning ? ' ' : '•'
      if (item.rich) richItem(w, marker, item.rich, BODY, detail)
      else w.item(marker, item.text, BODY, detail)
    }
    w.space(6)
  }
  if (drawings > 0) w.text(i18n.t('export:report.drawings', { count: drawings }), { ...DETAIL, size: 10 })
}
