import type { IncomingMessage, ServerResponse } from 'node:http'
import { SessionError } from '../sessions/service'
import { HttpError, sendError } from './respond'
import type { ApiDeps, Route } from './route'
import { exportRoutes } from './routes/exports'
import { facilitationRoutes } from './routes/facilitation'
import { imageRoutes } from './routes/images'
import { peopleRoutes } from './routes/people'
import { sessionRoutes } from './routes/sessions'
import { systemRoutes } from './routes/system'

export type { ApiDeps } from './route'

/** The HTTP API. The handler returns false when no route matches (the static client serves it). */
export function createApi(deps: ApiDeps) {
  const routes: Route[] = [
    ...systemRoutes(deps),
    ...sessionRoutes(deps),
    ...exportRoutes(deps),
    ...facilitationRoutes(deps),
    ...imageRoutes(deps),
    ...peopleRoutes(deps),
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
      if (err instanceof HttpError) sendError(res, err.status, err.message, err.headers)
      else if (err instanceof SessionError) sendError(res, err.status, err.message)
      else {
        deps.log.error({ err, path: url.pathname }, 'request failed')
        if (!res.headersSent) sendError(res, 500, 'internal error')
      }
    }
    return true
  }
}
