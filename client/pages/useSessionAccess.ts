import { useEffect, useState } from 'react'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import { ApiError, fetchSessionAccess, isRemovedError, type SessionAccess } from '../api'
import { forgetJoins } from '../device'
import { forgetPersonToken, personTokenFor, rememberRemoval, wasRemoved } from '../sync'

export type AccessState =
  | { readonly status: 'checking' }
  | { readonly status: 'invalid'; readonly problem: AccessProblem; readonly detail: string }
  | { readonly status: 'ok'; readonly access: SessionAccess }
  /** This device's person was removed from the session by a facilitator (its token is forgotten). */
  | { readonly status: 'removed' }

/** What is wrong with a link; the page words it in the reader's language. */
export type AccessProblem = 'badId' | 'noKey' | 'wrongKey' | 'unknown' | 'failed'

/**
 * Checks a session link with the server before anything connects, to explain a bad link clearly.
 * This device's person token goes along: it keeps its person's place when the link's key was
 * renewed since. A token the server refuses as removed says so; any other refusal of it is forgotten
 * and the link asked about on its own.
 */
export function useSessionAccess(sessionId: string, key: string): AccessState {
  const [state, setState] = useState<AccessState>({ status: 'checking' })
  const malformed = problemWith(sessionId, key)
  const removed = wasRemoved(sessionId)
  useEffect(() => {
    if (malformed || removed) return
    let live = true
    setState({ status: 'checking' })
    const ok = (access: SessionAccess) => live && setState({ status: 'ok', access })
    fetchSessionAccess(sessionId, key).then(ok, (err: unknown) => {
      if (!live) return
      if (isRemovedError(err)) {
        rememberRemoval(sessionId)
        forgetJoins(sessionId)
        return setState({ status: 'removed' })
      }
      // only a refusal of the token itself forgets it: a renewed key with a good token is still let in
      const tokenRefused = err instanceof ApiError && err.status === 403 && /token/i.test(err.message)
      if (!tokenRefused || !personTokenFor(sessionId)) return setState(explain(err))
      forgetPersonToken(sessionId)
      fetchSessionAccess(sessionId, key).then(ok, (again: unknown) => live && setState(explain(again)))
    })
    return () => {
      live = false
    }
  }, [sessionId, key, malformed, removed])
  if (malformed) return { status: 'invalid', problem: malformed, detail: '' }
  return removed ? { status: 'removed' } : state
}

function problemWith(sessionId: string, key: string): AccessProblem | null {
  if (!SESSION_ID_PATTERN.test(sessionId)) return 'badId'
  if (!key) return 'noKey'
  return null
}

function explain(err: unknown): AccessState {
  const detail = err instanceof Error ? err.message : String(err)
  if (err instanceof ApiError && err.status === 403) return { status: 'invalid', problem: 'wrongKey', detail }
  if (err instanceof ApiError && err.status === 404) return { status: 'invalid', problem: 'unknown', detail }
  return { status: 'invalid', problem: 'failed', detail }
}
