import type { ApiDeps, Route } from '../route'
import { sessionIdOf } from '../route'
import { createImageRoutes } from '../images'

/** Image upload and download. */
export function imageRoutes(deps: ApiDeps): Route[] {
  const images = createImageRoutes(deps.storage, deps.images, deps.log, deps.uploadLimits)
  return [
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/images$/,
      handle: (req, res, url, match) =>
        images.upload(
          req,
          res,
          sessionIdOf(match),
          url.searchParams.get('key'),
          url.searchParams.get('token'),
        ),
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/images\/([a-f0-9]{64})$/,
      handle: (_req, res, url, match) =>
        images.download(
          res,
          sessionIdOf(match),
          match[2] ?? '',
          url.searchParams.get('key'),
          url.searchParams.get('display') === '1',
          url.searchParams.get('token'),
        ),
    },
  ]
}
