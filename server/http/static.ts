import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { contentSecurityPolicy, holdsKey } from './pageHeaders'
import { etagOf, matchesEtag, variantFor } from './precompress'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Serves the built client from `root`; unknown paths get index.html so client routes work. Pages
 * carry the Content-Security-Policy, and those whose URL holds a key are never cached.
 */
export function createStaticHandler(root: string) {
  const base = resolve(root)
  const index = join(base, 'index.html')
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const { pathname } = url
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const candidate = normalize(join(base, decodeURIComponentSafe(pathname)))
    const inside = candidate === base || candidate.startsWith(base + sep)
    const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index
    if (!existsSync(file)) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('The client is not built yet.')
      return
    }
    const immutable = file !== index && pathname.startsWith('/assets/')
    const page = extname(file) === '.html'
    // the build writes brotli and gzip copies beside each file (precompress.ts): send the best one
    // the browser takes, with a validator so a revisit costs a 304 instead of the file
    const variant = variantFor(file, req.headers['accept-encoding'])
    const etag = etagOf(variant)
    const headers: Record<string, string | number> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable
        ? 'public, max-age=31536000, immutable'
        : page && holdsKey(pathname, url.search)
          ? 'no-store'
          : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      vary: 'accept-encoding',
      etag,
      ...(page && {
        'content-security-policy': contentSecurityPolicy(req),
        'x-frame-options': 'DENY',
      }),
    }
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      delete headers['content-type']
      res.writeHead(304, headers).end()
      return
    }
    if (variant.encoding) headers['content-encoding'] = variant.encoding
    headers['content-length'] = variant.size
    res.writeHead(200, headers)
    if (req.method === 'HEAD') res.end()
    else createReadStream(variant.path).pipe(res)
  }
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return '/'
  }
}
