import type { UiLang } from '../shared/lang'
import type { Role } from '../shared/rooms'
import { i18n } from './i18n'
import { takeEarlyAccess } from './earlyAccess'
import { credentials } from './sync/personToken'

/** A template the home page offers. */
export interface TemplateSummary {
  readonly id: string
  readonly title: string
  readonly description: string
}

export interface CreatedSession {
  readonly id: string
  readonly links: { readonly facilitator: string; readonly participant: string; readonly viewer: string }
}

export interface SessionAccess {
  readonly id: string
  readonly title: string
  readonly role: Role
}

/** A failed request, with the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The server's `{"error"}` text in a refused answer's body, or else its status in words. */
export function refusalMessage(body: unknown, status: number): string {
  return body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
    ? body.error
    : i18n.t('common:api.status', { status })
}

/** A refusal for too many requests from this network, in the person's language, with how long to wait. */
function tooManyMessage(retryAfter: string | null): string {
  const seconds = Math.max(1, Number(retryAfter) || 60)
  const wait =
    seconds < 90
      ? i18n.t('common:api.seconds', { count: seconds })
      : i18n.t('common:api.minutes', { count: Math.ceil(seconds / 60) })
  return i18n.t('common:api.tooMany', { wait })
}

/** Fetches JSON; a non-2xx answer becomes an ApiError carrying the server's `{"error"}` text. */
async function request<T>(path: string, init?: RequestInit, begun?: Promise<Response> | null): Promise<T> {
  let response: Response
  try {
    response = await (begun ??
      fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } }))
  } catch {
    throw new ApiError(0, i18n.t('common:api.unreachable'))
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.status === 429) throw new ApiError(429, tooManyMessage(response.headers.get('retry-after')))
  if (!response.ok) {
    throw new ApiError(response.status, refusalMessage(body, response.status))
  }
  return body as T
}

/** The templates a session can start from, their titles in `lang`. */
export const fetchTemplates = (lang: UiLang): Promise<TemplateSummary[]> =>
  request(`/api/templates?lang=${encodeURIComponent(lang)}`)

/**
 * Creates a session in one or two languages (main first): its commitments and prompts come in each.
 * The answer holds one link per role.
 */
export const createSession = (
  template: string,
  title: string,
  langs: readonly UiLang[],
): Promise<CreatedSession> =>
  request('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template, title, langs }),
  })

/** Checks a link: which session, and which role its key gives. */
export const fetchSessionAccess = (id: string, key: string): Promise<SessionAccess> =>
  request(
    `/api/sessions/${encodeURIComponent(id)}?${credentials(id, key)}`,
    undefined,
    takeEarlyAccess(id, key),
  )

/** Makes a new session from a JSON export (its text as read from the file); answers like creating one. */
export const importSession = (exportText: string): Promise<CreatedSession> =>
  request('/api/sessions/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exportText,
  })

/** Deletes a session and everything in it (facilitators); everyone still in it is disconnected. */
export const deleteSession = (id: string, key: string): Promise<unknown> =>
  request(`/api/sessions/${encodeURIComponent(id)}?${credentials(id, key)}`, { method: 'DELETE' })

/** Where a person stands in a session: waiting to be admitted, in, or removed by a facilitator. */
export type PersonStatus = 'waiting' | 'admitted' | 'removed'

/** The server's answer to a join: the person token (never for viewers), their role and status. */
export interface JoinAnswer {
  readonly token?: string
  readonly person?: string
  readonly role: Role
  readonly status: PersonStatus
}

/** A person as the server knows them (GET /me). */
export interface MeAnswer {
  readonly person: string
  readonly name: string
  readonly role: Role
  readonly status: PersonStatus
}

/**
 * Joins with a name and the answer to the commitments: the server issues a person token (or, given
 * this device's token, updates the same person's name and answer instead of adding a person).
 */
export const joinSession = (
  id: string,
  key: string,
  body: { name: string; answer?: 'agree' | 'discuss'; token?: string },
): Promise<JoinAnswer> =>
  request(`/api/sessions/${encodeURIComponent(id)}/join?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** Who this device's token is in the session, and whether they are admitted yet. */
export const fetchMe = (id: string, token: string): Promise<MeAnswer> =>
  request(`/api/sessions/${encodeURIComponent(id)}/me?token=${encodeURIComponent(token)}`)

/** The server's words for a removed person's token (HTTP 403 and the websocket's close reason). */
export const REMOVED_ERROR = 'removed from session'

/** Was this failure the server saying the person was removed from the session? */
export const isRemovedError = (err: unknown): boolean =>
  err instanceof ApiError && err.status === 403 && err.message === REMOVED_ERROR
