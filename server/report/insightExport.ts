import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import type { SessionSnapshot } from '../../shared/export/snapshot'
import { isWinAnsi } from '../../shared/export/textLayout'
import type { UiLang } from '../../shared/lang'
import { reportToDocx } from '../../shared/report/docx'
import { facesFor, facesFromCss, type FontFace, type PdfFont } from '../../shared/report/fonts'
import { reportToMarkdown } from '../../shared/report/markdown'
import { buildInsightReport, type InsightReport } from '../../shared/report/model'
import { reportText, reportToPdf } from '../../shared/report/pdf'
import type { ReportPicture } from '../../shared/report/pictures'
import { woffToSfnt } from '../../shared/report/woffToSfnt'
import type { ImageStore } from '../uploads/imageStore'
import type { ReportFormat } from './formats'

export { REPORT_FORMATS, REPORT_TYPES, type ReportFormat } from './formats'

/** Pictures wider or taller than this are scaled down for the report (about A4 width at 200 dpi). */
const PICTURE_MAX_PX = 1600

/**
 * The insight report of a snapshot, built on the server: Markdown, DOCX, or PDF with the Noto Sans SC
 * subsets its text needs (the same @fontsource files the page uses). Characters no font covers
 * (emoji) are left out of the server's PDF: the page's PDF draws them as pictures.
 */
export async function renderInsight(
  format: ReportFormat,
  snapshot: SessionSnapshot,
  options: { readonly images: ImageStore; readonly sessionId: string; readonly lang?: UiLang },
): Promise<Uint8Array> {
  const report = buildInsightReport(snapshot, { lang: options.lang })
  if (format === 'report-md') return new TextEncoder().encode(reportToMarkdown(report))
  const pictures = await picturesOf(options.images, options.sessionId, report)
  if (format === 'docx') return reportToDocx(report, pictures)
  return reportToPdf(report, pictures, { fonts: await fontsFor(reportText(report)) })
}

/** The report's images as PNG or JPEG (what PDF and DOCX take), scaled down when huge. */
async function picturesOf(images: ImageStore, sessionId: string, report: InsightReport) {
  const out = new Map<string, ReportPicture>()
  for (const { src } of report.images) {
    if (out.has(src)) continue
    const file = (await images.get(sessionId, src, true)) ?? (await images.get(sessionId, src, false))
    if (!file) continue
    try {
      const jpeg = file.mime === 'image/jpeg'
      const image = sharp(file.bytes, { animated: false }).rotate().resize(PICTURE_MAX_PX, PICTURE_MAX_PX, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      const { data, info } = await (jpeg ? image.jpeg({ quality: 88 }) : image.png()).toBuffer({
        resolveWithObject: true,
      })
      out.set(src, { data, type: jpeg ? 'jpg' : 'png', width: info.width, height: info.height })
    } catch {
      // a picture that cannot be read is named as missing in the report, not a failed export
    }
  }
  return out
}

let faces: Promise<{ dir: string; faces: FontFace[] }> | null = null

/** Noto Sans SC's regular faces, as @fontsource/noto-sans-sc ships them (one WOFF per subset). */
function noto(): Promise<{ dir: string; faces: FontFace[] }> {
  faces ??= (async () => {
    const css = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css')
    return { dir: dirname(css), faces: facesFromCss(await readFile(css, 'utf8')) }
  })()
  return faces
}

/** The font subsets `text` needs beyond Helvetica, as TrueType for jsPDF. */
export async function fontsFor(text: string): Promise<PdfFont[]> {
  const { dir, faces: all } = await noto()
  return Promise.all(
    facesFor(text, all, isWinAnsi).map(async (face, i) => ({
      name: `NotoSansSC-${i}`,
      base64: Buffer.from(woffToSfnt(new Uint8Array(await readFile(join(dir, face.url))))).toString('base64'),
      ranges: face.ranges,
    })),
  )
}
