import { useEffect, useState } from 'react'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import { ApiError, fetchSessionAccess, type SessionAccess } from '../api'

export type AccessState =
  | { readonly status: 'checking' }
  | { readonly status: 'invalid'; readonly problem: AccessProblem; readonly detail: string }
  | { readonly status: 'ok'; readonly access: SessionAccess }

/** What is wrong with a link; the page words it in the reader's language. */
export type AccessProblem = 'badId' | 'noKey' | 'wrongKey' | 'unknown' | 'failed'

/** Checks a session link with the server before anything connects, to explain a bad link clearly. */
export function useSessionAccess(sessionId: string, key: string): AccessState {
  const [state, setState] = useState<AccessState>({ status: 'checking' })
  const malformed = problemWith(sessionId, key)
  useEffect(() => {
    if (malformed) return
    let live = true
    setState({ status: 'checking' })
    fetchSessionAccess(sessionId, key).then(
      (access) => live && setState({ status: 'ok', access }),
      (err: unknown) => live && setState(explain(err)),
    )
    return () => {
      live = false
    }
  }, [sessionId, key, malformed])
  return malformed ? { status: 'invalid', problem: malformed, detail: '' } : state
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
