import type { SessionSnapshot } from '../../shared/export/snapshot'
import { reportToMarkdown } from '../../shared/report/markdown'
import { buildInsightReport, type InsightReport } from '../../shared/report/model'
import type { ReportPicture } from '../../shared/report/pictures'
import type { InsightFormat } from '../panels/InsightReportDialog'
import { currentLanguage, i18n } from '../i18n'
import { fileName } from './download'
import { breathe } from './exportJob'

/** Pictures wider or taller than this are scaled down for the report (about A4 width at 200 dpi). */
const PICTURE_MAX_PX = 1600

const TYPES: Record<InsightFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
}

export interface InsightInput {
  readonly snapshot: SessionSnapshot
  readonly format: InsightFormat
  readonly imageSource: (src: string) => string | null
  readonly signal: AbortSignal
  readonly progress: (done: number, total: number) => void
}

/**
 * The insight report, built in the page from a fresh snapshot (the same model and renderers the
 * server's `npm run export` uses), its own words in the reader's language. Progress: each picture
 * loaded, then the file written. The DOCX and PDF writers load only when chosen.
 */
export async function insightExport(input: InsightInput): Promise<{ blob: Blob; name: string }> {
  const report = buildInsightReport(input.snapshot, {
    lang: currentLanguage(),
    removedAuthor: i18n.t('export:removedPerson'),
  })
  const name = fileName([report.title, report.words.kicker], input.format)
  if (input.format === 'md') return { blob: new Blob([reportToMarkdown(report)], { type: TYPES.md }), name }
  const sources = [...new Set(report.images.map((i) => i.src))]
  const total = sources.length + 1
  input.progress(0, total)
  const pictures = new Map<string, ReportPicture>()
  for (const [i, src] of sources.entries()) {
    await breathe(input.signal)
    const picture = await loadPicture(input.imageSource(src), input.signal)
    if (picture) pictures.set(src, picture)
    input.progress(i + 1, total)
  }
  await breathe(input.signal)
  const bytes = await render(report, input.format, pictures)
  input.progress(total, total)
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: TYPES[input.format] }), name }
}

async function render(
  report: InsightReport,
  format: 'pdf' | 'docx',
  pictures: ReadonlyMap<string, ReportPicture>,
): Promise<Uint8Array> {
  if (format === 'docx') {
    const { reportToDocx } = await import('../../shared/report/docx')
    return reportToDocx(report, pictures)
  }
  const [{ reportToPdf, reportText }, { reportFonts }, { rasterText }] = await Promise.all([
    import('../../shared/report/pdf'),
    import('./pdfFonts'),
    import('./pdfWriter'),
  ])
  return reportToPdf(report, pictures, { fonts: await reportFonts(reportText(report)), raster: rasterText })
}

/** An image as PNG (JPEG for photos' sake when it was one), scaled down when huge; null if it cannot load. */
async function loadPicture(url: string | null, signal: AbortSignal): Promise<ReportPicture | null> {
  if (!url) return null
  try {
    const response = await fetch(url, { signal })
    if (!response.ok) return null
    const blob = await response.blob()
    const bitmap = await createImageBitmap(blob)
    const scale = Math.min(1, PICTURE_MAX_PX / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    const jpeg = blob.type === 'image/jpeg'
    if (jpeg) {
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, canvas.width, canvas.height)
    }
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const out = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, jpeg ? 'image/jpeg' : 'image/png', 0.9),
    )
    canvas.width = 0
    if (!out) return null
    const data = new Uint8Array(await out.arrayBuffer())
    return { data, type: jpeg ? 'jpg' : 'png', width, height }
  } catch (err) {
    if (signal.aborted) throw err
    return null // named as missing in the report
  }
}
