import { ownerOfToken } from '../../shared/identity'

/**
 * This device's person token for one session (localStorage `wb:person-token:<id>`), issued by the
 * server at join (issue #15). Every websocket and API call of the session carries it: the server
 * knows the person by it (their private room, their votes and answer, what they added, their name
 * in presence). Without storage it lives for the page only (a reload then asks to join again).
 */
const tokenKey = (sessionId: string) => `wb:person-token:${sessionId}`
const fallback = new Map<string, string>()

/** The token the server issued to this device for the session, or null before joining. */
export function personTokenFor(sessionId: string): string | null {
  try {
    const stored = window.localStorage.getItem(tokenKey(sessionId))
    if (stored) return stored
  } catch {
    // no storage: the page's own copy below
  }
  return fallback.get(sessionId) ?? null
}

/** Keeps the token the server issued at join. */
export function rememberPersonToken(sessionId: string, token: string): void {
  fallback.set(sessionId, token)
  try {
    window.localStorage.setItem(tokenKey(sessionId), token)
  } catch {
    // kept for this page only
  }
}

/** Forgets the token (the person was removed, the session deleted, or the server no longer knows it). */
export function forgetPersonToken(sessionId: string): void {
  fallback.delete(sessionId)
  try {
    window.localStorage.removeItem(tokenKey(sessionId))
  } catch {
    // nothing stored
  }
}

const removedKey = (sessionId: string) => `wb:removed:${sessionId}`

/**
 * A facilitator removed this device's person: the token is forgotten (it is revoked anyway) and the
 * removal remembered, so a reload says so again instead of offering to join as someone new. (The
 * server is what keeps them out; a facilitator who fears a comeback renews the participant link.)
 */
export function rememberRemoval(sessionId: string): void {
  forgetPersonToken(sessionId)
  removedHere.add(sessionId)
  try {
    window.localStorage.setItem(removedKey(sessionId), '1')
  } catch {
    // remembered for this page only
  }
}

const removedHere = new Set<string>()

/** Was this device's person removed from the session? */
export function wasRemoved(sessionId: string): boolean {
  if (removedHere.has(sessionId)) return true
  try {
    return window.localStorage.getItem(removedKey(sessionId)) === '1'
  } catch {
    return false
  }
}

/** The person id the token proves (what the server knows this person as), or '' without a token. */
export function personIdFor(sessionId: string): string {
  const token = personTokenFor(sessionId)
  return token ? ownerOfToken(token) : ''
}

/** The query string that says who asks: the key, and this device's token when it has one. */
export function credentials(sessionId: string, key: string): string {
  const token = personTokenFor(sessionId)
  const q = encodeURIComponent
  return token ? `key=${q(key)}&token=${q(token)}` : `key=${q(key)}`
}
