import { ownerOfToken } from '../../shared/identity'
import { boardRoom, controlRoom, facilitatorRoom, type Role } from '../../shared/rooms'
import { DEFAULT_LANG, type UiLang } from '../../shared/lang'
import { LIMITS } from '../../shared/schema/limits'
import { buildSessionDocs } from '../../shared/templates'
import type { TemplateStore } from '../templates/templateStore'
import type { PersonRecord, SessionStore, SessionRecord } from '../storage/types'
import { hashKey, newKey, newSessionId, roleForKey } from './keys'

export interface CreatedSession {
  readonly id: string
  readonly links: Record<Role, string>
}

export class SessionError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Creates a session from a template: its keys (stored hashed) and its rooms' first state, in one
 * transaction. `langs` are the session's languages, its main one first: a built-in template's
 * canvases come in the main one, its commitments and prompts in each; from then on they are the
 * group's own words.
 */
export async function createSession(
  store: SessionStore,
  templates: TemplateStore,
  templateId: string,
  title: string,
  langs: readonly UiLang[] = [DEFAULT_LANG],
  admit?: boolean,
): Promise<CreatedSession> {
  const found = await templates.find(templateId, langs)
  if (!found) throw new SessionError(400, `unknown template "${templateId}"`)
  // Admit people as the creator chose, else as the template has it
  const template = admit === undefined ? found : { ...found, admit }
  const cleanTitle = title.trim() || template.title
  if (cleanTitle.length > LIMITS.titleMax)
    throw new SessionError(400, `title is longer than ${LIMITS.titleMax} characters`)
  return createSessionFromDocs(
    store,
    newSessionId(),
    template.id,
    cleanTitle,
    buildSessionDocs(template, cleanTitle, Date.now(), langs),
  )
}

export interface InitialDocs {
  readonly board: Uint8Array
  readonly control: Uint8Array
  readonly facilitator: Uint8Array
}

/** Stores a new session with its keys (hashed) and the first state of its rooms, in one transaction. */
export async function createSessionFromDocs(
  store: SessionStore,
  id: string,
  template: string,
  title: string,
  docs: InitialDocs,
): Promise<CreatedSession> {
  const keys = { facilitator: newKey(), participant: newKey(), viewer: newKey() }
  const record: SessionRecord = {
    id,
    title,
    template,
    createdAt: Date.now(),
    keyHashes: {
      facilitator: hashKey(keys.facilitator),
      participant: hashKey(keys.participant),
      viewer: hashKey(keys.viewer),
    },
  }
  await store.createSession(record, [
    { room: boardRoom(id), update: docs.board },
    { room: controlRoom(id), update: docs.control },
    { room: facilitatorRoom(id), update: docs.facilitator },
  ])
  const link = (key: string): string => `/s/${id}?key=${key}`
  return {
    id,
    links: {
      facilitator: link(keys.facilitator),
      participant: link(keys.participant),
      viewer: link(keys.viewer),
    },
  }
}

/** Who is asking: the session, their role, and the person their token proves (null without one). */
export interface Caller {
  readonly session: SessionRecord
  readonly role: Role
  readonly person: PersonRecord | null
}

/** A person token: 256 random bits as 43 base64url characters (issued by the server at join). */
export const PERSON_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/**
 * The person a token proves in a session; throws 403 for a token the server did not issue here
 * (or a malformed one) and for a removed person's.
 */
export async function personOfToken(
  store: SessionStore,
  sessionId: string,
  token: string,
): Promise<PersonRecord> {
  const person = PERSON_TOKEN_PATTERN.test(token)
    ? await store.getPerson(sessionId, ownerOfToken(token))
    : undefined
  if (!person) throw new SessionError(403, 'unknown person token')
  if (person.status === 'removed') throw new SessionError(403, 'removed from session')
  return person
}

/**
 * Resolves a session id and a person token or key to the session and the caller's role; throws 404
 * or 403. A token wins over the key: the role is the person's whatever the key says, so people keep
 * their place after a link is renewed. Without a token, the role is the key's.
 */
export async function authorize(
  store: SessionStore,
  id: string,
  key: string | null,
  token: string | null = null,
): Promise<Caller> {
  const session = await store.getSession(id)
  if (!session) throw new SessionError(404, 'no such session')
  if (token !== null) {
    const person = await personOfToken(store, id, token)
    return { session, role: person.role, person }
  }
  const role = roleForKey(session, key)
  if (!role) throw new SessionError(403, key ? 'wrong key for this session' : 'a key is required')
  return { session, role, person: null }
}
