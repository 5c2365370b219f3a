import { newPrivateToken, ownerOfToken } from '../../shared/identity'

/**
 * This device's private token for one session (localStorage): it proves to the relay that a private
 * room is this person's, and keeps their commitment answer counted once. Without storage it lives
 * for the page only.
 */
const tokenKey = (sessionId: string) => `wb:private-token:${sessionId}`
const fallback = new Map<string, string>()

/** The token, created on first use. */
export function privateTokenFor(sessionId: string): string {
  try {
    const stored = window.localStorage.getItem(tokenKey(sessionId))
    if (stored) return stored
  } catch {
    // no storage: use the page's own token below
  }
  const token = fallback.get(sessionId) ?? newPrivateToken()
  fallback.set(sessionId, token)
  try {
    window.localStorage.setItem(tokenKey(sessionId), token)
  } catch {
    // not remembered: a reload starts a new private room
  }
  return token
}

/** The owner id that names this device's private room in a session. */
export const privateOwnerFor = (sessionId: string): string => ownerOfToken(privateTokenFor(sessionId))
