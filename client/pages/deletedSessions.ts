import { useEffect, useSyncExternalStore } from 'react'
import { ApiError, fetchSessionAccess, isRemovedError } from '../api'

/**
 * Sessions this page has deleted. The relay closes every socket of a deleted session, which tells
 * everyone else; the facilitator who deleted it is told here too, in case their own socket was
 * between reconnects and would only ever be refused.
 */
let deleted: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

/** Marks a session as deleted: its page then says so. */
export function markSessionDeleted(id: string): void {
  deleted = new Set([...deleted, id])
  for (const listener of [...listeners]) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Whether this page deleted the session. */
export const useSessionDeleted = (id: string): boolean =>
  useSyncExternalStore(subscribe, () => deleted.has(id))

/** Sessions this page's person was removed from, as found while their link was down. */
let removed: ReadonlySet<string> = new Set()

/** Marks this page's person as removed from a session: its page then says so. */
export function markPersonRemoved(id: string): void {
  removed = new Set([...removed, id])
  for (const listener of [...listeners]) listener()
}

/** Whether the server said, while the link was down, that this person was removed. */
export const usePersonRemoved = (id: string): boolean =>
  useSyncExternalStore(subscribe, () => removed.has(id))

/** How often a page whose link is down asks whether its session still exists. */
const CHECK_MS = 5000

/**
 * While the link is down, asks the server about the session now and then: a page whose socket was
 * down when the session was deleted (or its person removed) never receives the relay's close, and
 * would read "Reconnecting" for ever.
 */
export function useDeletedWhileAway(sessionId: string, key: string, connected: boolean): void {
  useEffect(() => {
    if (connected) return
    let live = true
    const check = () =>
      fetchSessionAccess(sessionId, key).catch((err: unknown) => {
        if (live && err instanceof ApiError && err.status === 404) markSessionDeleted(sessionId)
        // a removal closes the socket with 4003, unless it was down then: every retry is refused
        if (live && isRemovedError(err)) markPersonRemoved(sessionId)
      })
    const timer = setInterval(() => void check(), CHECK_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [sessionId, key, connected])
}
