import { ImportError } from '../../../shared/export/json'
import { LIMITS } from '../../../shared/schema/limits'
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  imagesOf,
  importSession,
  renderExport,
  snapshotOf,
  type ExportFormat,
} from '../../sessions/exports'
import { logSkipped } from '../../sessions/skipped'
import { ImageError } from '../../uploads/imageStore'
import { HttpError, readJson, sendJson } from '../respond'
import { asFacilitator, type ApiDeps, type Route } from '../route'

/** Exports with their images embedded can be large; the home page checks the same limit. */
const IMPORT_LIMIT = LIMITS.importMax

/** A file name from a session title: letters, digits, spaces, dashes. */
const fileName = (title: string, ext: string): string =>
  `${
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 60) || 'session'
  }.${ext}`

/** Export a session (JSON, Markdown, CSV) and import a JSON export as a new session. */
export const exportRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/export$/,
    handle: async (_req, res, url, match) => {
      const format = url.searchParams.get('format') ?? 'json'
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new HttpError(400, `unknown format "${format.slice(0, 20)}"; use json, md or csv`)
      }
      const session = await asFacilitator(deps, match, url, 'export a session')
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
      try {
        const created = await importSession(deps.storage, deps.images, await readJson(req, IMPORT_LIMIT))
        deps.metrics.sessionsCreated.inc()
        deps.log.info({ session: created.id }, 'session imported')
        sendJson(res, 201, created)
      } catch (err) {
        if (err instanceof ImportError) throw new HttpError(err.status, err.message)
        if (err instanceof ImageError) throw new HttpError(400, `an image in the export: ${err.message}`)
        throw err
      }
    },
  },
]
