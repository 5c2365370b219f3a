import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { SAVED_ID_PATTERN } from '../../templates/templateStore'
import { HttpError, sendJson } from '../respond'
import { asFacilitator, type ApiDeps, type Route } from '../route'

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** Refuses a request without the operator's token (`Authorization: Bearer <ADMIN_TOKEN>`). */
function requireAdmin(deps: ApiDeps, req: IncomingMessage): void {
  if (!deps.adminToken)
    throw new HttpError(
      403,
      'admin requests are off: set ADMIN_TOKEN on the server, or use npm run templates',
    )
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
  // compared as digests: the same length whatever was sent, and in constant time
  if (!given || !timingSafeEqual(digest(given), digest(deps.adminToken)))
    throw new HttpError(401, 'a valid admin token is needed (Authorization: Bearer <ADMIN_TOKEN>)', {
      'www-authenticate': 'Bearer',
    })
}

/** The templates a session's facilitators saved; publishing one for everyone (the operator). */
export const templateRoutes = (deps: ApiDeps): Route[] => {
  const setPublished =
    (published: boolean): Route['handle'] =>
    async (req, res, _url, match) => {
      requireAdmin(deps, req)
      const id = match[1] ?? ''
      if (!SAVED_ID_PATTERN.test(id) || !(await deps.templates.setPublished(id, published)))
        throw new HttpError(404, 'no such saved template (built-in templates are always offered)')
      deps.log.info({ template: id, published }, published ? 'template published' : 'template withdrawn')
      sendJson(res, 200, { id, published })
    }
  return [
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/templates$/,
      handle: async (_req, res, url, match) => {
        const session = await asFacilitator(deps, match, url, "see the session's saved templates")
        const saved = (await deps.templates.listSaved()).filter((s) => s.session === session.id)
        sendJson(
          res,
          200,
          saved.map(({ template: { id, title, description }, published }) => ({
            id,
            title,
            description,
            published,
          })),
        )
      },
    },
    { method: 'POST', pattern: /^\/api\/templates\/([^/]+)\/publish$/, handle: setPublished(true) },
    { method: 'DELETE', pattern: /^\/api\/templates\/([^/]+)\/publish$/, handle: setPublished(false) },
  ]
}
