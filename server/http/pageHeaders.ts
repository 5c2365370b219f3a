import type { IncomingMessage } from 'node:http'

/** A Host header we are willing to name in a policy: a host name or address, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/

/**
 * The Content-Security-Policy of the app's pages. Everything from the app's own origin only: no
 * inline or evaluated script, no inline styles (Tiptap's are in a stylesheet), images also from
 * blob: and data: (pasted and exported pictures, the icon), fonts also inlined ones (data:),
 * connections to the app itself and its websocket, and no page may frame it.
 */
export function contentSecurityPolicy(req: IncomingMessage): string {
  const host = req.headers.host
  // 'self' covers ws: and wss: on the same host in current browsers; naming them helps older ones
  const sockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Whether a page's URL holds a key (a session link): such a page must never be kept in a cache. */
export const holdsKey = (pathname: string, search: string): boolean =>
  pathname.startsWith('/s/') || /[?&]key=/.test(search)
