import { credentials } from './sync/personToken'

/**
 * A session link's access check, begun as the page's first module runs: on a slow phone the rest of
 * the page's code takes a good part of a second to start, and the answer comes back meanwhile.
 * main.tsx imports this module first; the session page takes the answer (once) instead of asking again.
 */
const begun = new Map<string, Promise<Response>>()

const SESSION_PATH = /^\/s\/([^/]+)\/?$/

function begin(loc: Pick<Location, 'pathname' | 'search'>): void {
  const match = SESSION_PATH.exec(loc.pathname)
  const key = new URLSearchParams(loc.search).get('key')
  if (!match?.[1] || !key) return
  let id: string
  try {
    id = decodeURIComponent(match[1])
  } catch {
    return // the page says the link is malformed
  }
  const answer = fetch(`/api/sessions/${encodeURIComponent(id)}?${credentials(id, key)}`, {
    headers: { accept: 'application/json' },
  })
  answer.catch(() => {}) // an unreachable server is said by the page when it reads the answer
  begun.set(`${id}?${key}`, answer)
}

/** The access check begun for this session and key, if one was (given out once). */
export function takeEarlyAccess(id: string, key: string): Promise<Response> | null {
  const answer = begun.get(`${id}?${key}`) ?? null
  begun.delete(`${id}?${key}`)
  return answer
}

if (typeof window !== 'undefined') begin(window.location)
