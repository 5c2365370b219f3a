import type { ServerResponse } from 'node:http'
import { ImportError } from '../../../shared/export/json'
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  imagesOf,
  importSession,
  renderExport,
  snapshotOf,
  type ExportFormat,
} from '../../sessions/exports'
import type { ImportJobs } from '../../sessions/importJob'
import { logSkipped } from '../../sessions/skipped'
import { REPORT_FORMATS, REPORT_TYPES, type ReportFormat } from '../../report/formats'
import { ImageError } from '../../uploads/imageStore'
import type { UploadLimiter } from '../../uploads/uploadLimits'
import { tooMany } from '../images'
import { HttpError, readBytes, sendJson } from '../respond'
import { asFacilitator, type ApiDeps, type Route } from '../route'

/** A file name from a session title: letters, digits, spaces, dashes. */
const fileName = (title: string, ext: string): string =>
  `${
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 60) || 'session'
  }.${ext}`

/** Export a session (JSON, Markdown, CSV) and import a JSON export as a new session. */
export const exportRoutes = (deps: ApiDeps, uploads: UploadLimiter, jobs: ImportJobs): Route[] => [
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/export$/,
    handle: async (_req, res, url, match) => {
      const format = url.searchParams.get('format') ?? 'json'
      const report = (REPORT_FORMATS as readonly string[]).includes(format)
      if (!report && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new HttpError(
          400,
          `unknown format "${format.slice(0, 20)}"; use json, md, csv, docx, report-pdf or report-md`,
        )
      }
      const session = await asFacilitator(deps, match, url, 'export a session')
      if (report) return insight(deps, res, session, format as ReportFormat, url)
      const f = format as ExportFormat
      // removed people are not named unless the facilitator asks for it
      const includeRemoved = url.searchParams.get('includeRemoved') === '1'
      const snapshot = await snapshotOf(deps.relay, session.id, { includeRemoved })
      logSkipped(deps.log, `export.${f}`, session.id, snapshot.skipped)
      const body = await renderExport(f, snapshot, () => imagesOf(deps.images, session.id, snapshot))
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[f],
        'content-disposition': `attachment; filename="session.${f}"; filename*=UTF-8''${encodeURIComponent(fileName(session.title, f))}`,
        'cache-control': 'no-store',
      })
      res.end(body)
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/import$/,
    handle: async (req, res) => {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        throw new HttpError(415, 'the body must be JSON (content-type: application/json)')
      deps.guard.takeImport(req)
      if (!jobs.reserve())
        throw new HttpError(503, 'the server is busy importing other sessions; try again in a minute', {
          'retry-after': '60',
        })
      try {
        // exports with their images embedded can be large; the home page warns past LIMITS.importMax
        const bytes = await readBytes(req, deps.guard.limits.importMaxBytes, 'the export')
        const parsed = await jobs.parse(bytes)
        const address = deps.guard.addressOf(req)
        const imageBytes = parsed.images.reduce((n, i) => n + i.bytes.byteLength, 0)
        const refused = uploads.admitImport(address, parsed.images.length, imageBytes)
        if (refused) throw tooMany(refused)
        const created = await importSession(deps.storage, deps.images, parsed)
        deps.metrics.sessionsCreated.inc()
        deps.log.info({ session: created.id, images: parsed.images.length }, 'session imported')
        sendJson(res, 201, created)
      } catch (err) {
        if (err instanceof ImportError) throw new HttpError(err.status, err.message)
        if (err instanceof ImageError) throw new HttpError(400, `an image in the export: ${err.message}`)
        throw err
      } finally {
        jobs.release()
      }
    },
  },
]

/** The insight report (docx, report-pdf, report-md), built on the server; words in the session's main language. */
async function insight(
  deps: ApiDeps,
  res: ServerResponse,
  session: { id: string; title: string },
  format: ReportFormat,
  url: URL,
): Promise<void> {
  const includeRemoved = url.searchParams.get('includeRemoved') === '1'
  const snapshot = await snapshotOf(deps.relay, session.id, { includeRemoved })
  logSkipped(deps.log, `export.${format}`, session.id, snapshot.skipped)
  // its libraries (docx, jsPDF, sharp) load with the first report, not with the server
  const { renderInsight } = await import('../../report/insightExport')
  const body = await renderInsight(format, snapshot, { images: deps.images, sessionId: session.id })
  const ext = REPORT_TYPES[format].ext
  res.writeHead(200, {
    'content-type': REPORT_TYPES[format].type,
    'content-disposition': `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(fileName(`${session.title} insight report`, ext))}`,
    'cache-control': 'no-store',
  })
  res.end(body)
}
