import type { IncomingMessage, ServerResponse } from 'node:http'
import { ImportJobs } from '../sessions/importJob'
import { roomRoutes } from './routes/rooms'
import { SessionError } from '../sessions/service'
import { UploadLimiter } from '../uploads/uploadLimits'
import { HttpError, sendError } from './respond'
import type { ApiDeps, Route } from './route'
import { exportRoutes } from './routes/exports'
import { facilitationRoutes } from './routes/facilitation'
import { imageRoutes } from './routes/images'
import { groupRoutes } from './routes/groups'
import { peopleRoutes } from './routes/people'
import { sessionRoutes } from './routes/sessions'
import { systemRoutes } from './routes/system'
import { templateRoutes } from './routes/templates'

export type { ApiDeps } from './route'

/** The HTTP API. The handler returns false when no route matches (the static client serves it). */
export function createApi(deps: ApiDeps) {
  // uploads and the images inside imports share one budget per address
  const uploads = new UploadLimiter(deps.uploadLimits)
  const routes: Route[] = [
    ...systemRoutes(deps),
    ...sessionRoutes(deps),
    ...roomRoutes(deps),
    ...exportRoutes(deps, uploads, new ImportJobs()),
    ...facilitationRoutes(deps),
    ...imageRoutes(deps, uploads),
    ...templateRoutes(deps),
    ...peopleRoutes(deps),
    ...groupRoutes(deps),
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
      // an answer already on its way (a body that failed while it streamed) cannot be replaced
      if (res.headersSent) {
        if (!(err instanceof HttpError)) deps.log.error({ err, path: url.pathname }, 'request failed')
        res.destroy()
        return true
      }
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
