import type { PersonStatus } from '../api'
import type { Role } from '../../shared/rooms'
import { i18n } from '../i18n'
import { credentials } from '../sync/personToken'

/** The facilitators' people endpoints (issue #15): who is in the session, admitting, removing, new links. */

export interface PersonEntry {
  readonly person: string
  readonly name: string
  readonly role: Exclude<Role, 'viewer'>
  readonly status: PersonStatus
  readonly joinedAt: number
  readonly decidedAt?: number | null
  readonly decidedBy?: string | null
}

const q = encodeURIComponent
const base = (sessionId: string) => `/api/sessions/${q(sessionId)}`

async function call<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new Error(i18n.t('common:api.unreachable'))
  }
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const message =
      data && typeof data === 'object' && 'error' in data && typeof data.error === 'string'
        ? data.error
        : i18n.t('common:api.status', { status: response.status })
    throw new Error(message)
  }
  return data as T
}

/** Everyone who joined the session, with their status (facilitators). */
export const fetchPeople = (sessionId: string, key: string) =>
  call<{ people: PersonEntry[] }>(`${base(sessionId)}/people?${credentials(sessionId, key)}`, 'GET')

/** Lets one waiting person in. */
export const admitPerson = (sessionId: string, key: string, person: string) =>
  call<null>(`${base(sessionId)}/people/${q(person)}/admit?${credentials(sessionId, key)}`, 'POST')

/** Lets everyone who waits in; answers how many. */
export const admitEveryone = (sessionId: string, key: string) =>
  call<{ admitted: number }>(`${base(sessionId)}/people/admit-all?${credentials(sessionId, key)}`, 'POST')

/** Removes a person (their connections close, their token stops working); with `hide`, hides what they added. */
export const removePerson = (sessionId: string, key: string, person: string, hide: boolean) =>
  call<{ hidden: number }>(
    `${base(sessionId)}/people/${q(person)}/remove?${credentials(sessionId, key)}`,
    'POST',
    {
      hide,
    },
  )

/** Replaces a role's link: the old key stops working at once. Answers the new link (a path with query). */
export const renewLink = (sessionId: string, key: string, role: Role) =>
  call<{ link: string }>(`${base(sessionId)}/links/${q(role)}/renew?${credentials(sessionId, key)}`, 'POST')
