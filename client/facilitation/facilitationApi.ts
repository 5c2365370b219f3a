import { refusalMessage } from '../api'
import { i18n } from '../i18n'
import { rememberTemplate } from '../savedTemplates'
import { credentials } from '../sync/personToken'

/** The facilitation endpoints of the HTTP API (see README): answers, reveal, end of voting, the clock. */

export type CommitmentAnswer = 'agree' | 'discuss'

const q = encodeURIComponent

async function post(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method: 'POST',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => null)
    throw new Error(refusalMessage(data, response.status))
  }
  return response
}

/** Moves every private note onto the board (facilitators). */
export const revealNotes = (sessionId: string, key: string) =>
  post(`/api/sessions/${q(sessionId)}/reveal?${credentials(sessionId, key)}`)

/** Ends voting: the server tallies everyone's votes into the results (facilitators). */
export const endVotingNow = (sessionId: string, key: string) =>
  post(`/api/sessions/${q(sessionId)}/voting/end?${credentials(sessionId, key)}`)

/**
 * Saves the session's set-up (commitments, canvases and frames, agenda) as a new template
 * (facilitators). It is private to the session until the operator publishes it: this device
 * remembers it, so the home page offers it here.
 */
export async function saveAsTemplate(
  sessionId: string,
  key: string,
  title: string,
): Promise<{ id: string; title: string }> {
  const response = await post(`/api/sessions/${q(sessionId)}/template?${credentials(sessionId, key)}`, {
    title,
  })
  const saved = (await response.json()) as { id: string; title: string; description?: string }
  rememberTemplate({ id: saved.id, title: saved.title, description: saved.description ?? '' })
  return saved
}

/**
 * The templates saved from this session (facilitators), remembered on this device as well: a
 * co-facilitator who opens the session here is offered them on the home page too.
 */
export async function savedTemplates(sessionId: string, key: string): Promise<SavedTemplateSummary[]> {
  const response = await fetch(`/api/sessions/${q(sessionId)}/templates?${credentials(sessionId, key)}`)
  if (!response.ok) throw new Error(i18n.t('common:api.status', { status: response.status }))
  const list = (await response.json()) as SavedTemplateSummary[]
  for (const t of list) rememberTemplate({ id: t.id, title: t.title, description: t.description })
  return list
}

/** A template saved from a session, and whether the operator has published it for everyone. */
export interface SavedTemplateSummary {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly published: boolean
}

/** The offset (ms) to add to this device's clock to get the server's, measured over one round trip. */
export async function measureClockOffset(): Promise<number> {
  const sent = Date.now()
  const response = await fetch('/api/time')
  const { now } = (await response.json()) as { now: number }
  const received = Date.now()
  return now - (sent + received) / 2
}
