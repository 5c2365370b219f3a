import { useEffect, useState } from 'react'
import { SESSION_ID_PATTERN } from '../../shared/rooms'
import { ApiError, fetchSessionAccess, type SessionAccess } from '../api'

export type AccessState =
  | { readonly status: 'checking' }
  | { readonly status: 'invalid'; readonly title: string; readonly message: string }
  | { readonly status: 'ok'; readonly access: SessionAccess }

const NOT_VALID = 'This link is not valid'

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
  return malformed ? { status: 'invalid', title: NOT_VALID, message: malformed } : state
}

function problemWith(sessionId: string, key: string): string | null {
  if (!SESSION_ID_PATTERN.test(sessionId)) return 'The session part of the address is not one this app makes.'
  if (!key) return 'It has no key (the part after “?key=”). Ask the facilitator for the full link.'
  return null
}

function explain(err: unknown): AccessState {
  if (err instanceof ApiError && err.status === 403) {
    return {
      status: 'invalid',
      title: NOT_VALID,
      message: 'Its key does not match this session. Ask the facilitator to send the link again.',
    }
  }
  if (err instanceof ApiError && err.status === 404) {
    return {
      status: 'invalid',
      title: NOT_VALID,
      message: 'There is no such session. It may have ended and been deleted.',
    }
  }
  return {
    status: 'invalid',
    title: 'The session could not be opened',
    message: err instanceof Error ? err.message : String(err),
  }
}
