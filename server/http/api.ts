import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import { LIMITS } from '../../shared/schema/limits'
import { TEMPLATES } from '../../shared/templates'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { Relay } from '../relay/relay'
import { ownerOfToken } from '../../shared/identity'
import { ImportError } from '../../shared/export/json'
import { endVoting, recordAnswer } from '../sessions/facilitation'
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  imagesOf,
  importSession,
  renderExport,
  snapshotOf,
  type ExportFormat,
} from '../sessions/exports'
import { ImageError } from '../uploads/imageStore'
import { revealPrivateNotes } from '../sessions/reveal'
import { SessionError, authorize, createSession } from '../sessions/service'
import type { Storage } from '../storage/types'
import type { ImageStore } from '../uploads/imageStore'
import { createImageRoutes } from './images'
import { HttpError, readJson, sendError, sendJson } from './respond'

export interface ApiDeps {
  readonly storage: Storage
  readonly images: ImageStore
  readonly relay: Relay
  readonly metrics: Metrics
  readonly log: Logger
  readonly isReady: () => boolean
}

const createBody = z.object({
  template: z.string({ message: 'template must be a template id' }).max(64),
  title: z
    .string({ message: 'title must be text' })
    .max(LIMITS.titleMax, `title is longer than ${LIMITS.titleMax} characters`)
    .optional()
    .default(''),
})

/** Exports with their images embedded can be large. */
const IMPORT_LIMIT = 64 * 1024 * 1024

const answerBody = z.object({ answer: z.enum(['agree', 'discuss']) })

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, match: RegExpMatchArray) => Promise<void>
interface Route {
  readonly method: string
  readonly pattern: RegExp
  readonly handle: Handler
}

/** The HTTP API: health, metrics, templates and sessions. Returns false when no route matches. */
export function createApi(deps: ApiDeps) {
  const images = createImageRoutes(deps.storage, deps.images, deps.log)
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      handle: async (_req, res) =>
        deps.isReady()
          ? sendJson(res, 200, { ok: true })
          : sendJson(res, 503, { ok: false, error: 'starting' }),
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      handle: async (_req, res) => {
        const body = await deps.metrics.registry.metrics()
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType }).end(body)
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/templates$/,
      handle: async (_req, res) =>
        sendJson(
          res,
          200,
          TEMPLATES.map(({ id, title, description }) => ({ id, title, description })),
        ),
    },
    { method: 'POST', pattern: /^\/api\/sessions$/, handle: (req, res) => create(deps, req, res) },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)$/,
      handle: async (_req, res, url, match) => {
        const { session, role } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        sendJson(res, 200, { id: session.id, title: session.title, template: session.template, role })
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/sessions\/([^/]+)$/,
      handle: async (_req, res, url, match) => {
        const { session, role } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator can delete a session')
        deps.relay.closeSession(session.id)
        await deps.storage.deleteSession(session.id)
        await deps.images.deleteSession(session.id)
        deps.log.info({ session: session.id }, 'session deleted')
        res.writeHead(204).end()
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/export$/,
      handle: async (_req, res, url, match) => {
        const format = url.searchParams.get('format') ?? 'json'
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
          throw new HttpError(400, `unknown format "${format.slice(0, 20)}"; use json, md or csv`)
        }
        const { session, role } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator can export a session')
        const f = format as ExportFormat
        const snapshot = await snapshotOf(deps.relay, session.id)
        const body = await renderExport(f, snapshot, () => imagesOf(deps.images, session.id, snapshot))
        const name = `${
          session.title
            .replace(/[^\p{L}\p{N} _-]+/gu, '')
            .trim()
            .slice(0, 60) || 'session'
        }.${f}`
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[f],
          'content-disposition': `attachment; filename="session.${f}"; filename*=UTF-8''${encodeURIComponent(name)}`,
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
    {
      method: 'GET',
      pattern: /^\/api\/time$/,
      handle: async (_req, res) => sendJson(res, 200, { now: Date.now() }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/answer$/,
      handle: async (req, res, url, match) => {
        const { session } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        const token = url.searchParams.get('token')
        if (!token || token.length < 16 || token.length > 200)
          throw new HttpError(400, 'a private token is required')
        const body = answerBody.safeParse(await readJson(req, 1024))
        if (!body.success) throw new HttpError(400, 'answer must be "agree" or "discuss"')
        await recordAnswer(deps.relay, session.id, ownerOfToken(token), body.data.answer)
        res.writeHead(204).end()
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/voting\/end$/,
      handle: async (_req, res, url, match) => {
        const { session, role } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator can end voting')
        const results = await endVoting(deps.relay, deps.storage, session.id)
        sendJson(res, 200, { results })
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/reveal$/,
      handle: async (_req, res, url, match) => {
        const { session, role } = await authorize(deps.storage, sessionId(match), url.searchParams.get('key'))
        if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator can reveal private notes')
        const revealed = await revealPrivateNotes(deps.relay, deps.storage, session.id)
        deps.log.info({ session: session.id, revealed }, 'private notes revealed')
        sendJson(res, 200, { revealed })
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/images$/,
      handle: (req, res, url, match) =>
        images.upload(req, res, sessionId(match), url.searchParams.get('key')),
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/images\/([a-f0-9]{64})$/,
      handle: (_req, res, url, match) =>
        images.download(
          res,
          sessionId(match),
          match[2] ?? '',
          url.searchParams.get('key'),
          url.searchParams.get('display') === '1',
        ),
    },
  ]

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const candidates = routes.filter((r) => r.pattern.test(url.pathname))
    if (candidates.length === 0) {
      if (!url.pathname.startsWith('/api/')) return false
      sendError(res, 404, `no such endpoint: ${url.pathname}`)
      return true
    }
    const route = candidates.find((r) => r.method === req.method)
    if (!route) {
      res.setHeader('allow', candidates.map((r) => r.method).join(', '))
      sendError(res, 405, `${req.method} is not allowed here`)
      return true
    }
    try {
      await route.handle(req, res, url, url.pathname.match(route.pattern)!)
    } catch (err) {
      if (err instanceof HttpError || err instanceof SessionError) sendError(res, err.status, err.message)
      else {
        deps.log.error({ err, path: url.pathname }, 'request failed')
        if (!res.headersSent) sendError(res, 500, 'internal error')
      }
    }
    return true
  }
}

function sessionId(match: RegExpMatchArray): string {
  const id = match[1] ?? ''
  if (!SESSION_ID_PATTERN.test(id)) throw new HttpError(404, 'no such session')
  return id
}

async function create(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = createBody.safeParse(await readJson(req, 16 * 1024))
  if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '))
  const created = await createSession(deps.storage, body.data.template, body.data.title)
  deps.metrics.sessionsCreated.inc()
  deps.log.info({ session: created.id, template: body.data.template }, 'session created')
  sendJson(res, 201, created)
}
