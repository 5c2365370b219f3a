import { DEFAULT_LANG, UI_LANGS, isUiLang } from '../../../shared/lang'
import { HttpError, sendJson } from '../respond'
import type { ApiDeps, Route } from '../route'

/** Health, metrics, templates and the server clock. */
export const systemRoutes = (deps: ApiDeps): Route[] => [
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
    handle: async (_req, res, url) => {
      // ?lang= gives the built-in templates' titles and descriptions in that language
      const lang = url.searchParams.get('lang') ?? DEFAULT_LANG
      if (!isUiLang(lang)) throw new HttpError(400, `lang must be one of ${UI_LANGS.join(', ')}`)
      const list = await deps.templates.list(lang)
      sendJson(
        res,
        200,
        list.map(({ id, title, description }) => ({ id, title, description })),
      )
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/time$/,
    handle: async (_req, res) => sendJson(res, 200, { now: Date.now() }),
  },
]
