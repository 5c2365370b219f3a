/**
 * Room names on the relay. Room `<session>` holds the board; `<session>/control` holds what only
 * facilitators write. A session id is 22 base64url characters (128 random bits).
 */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export type RoomKind = 'board' | 'control' | 'facilitator' | 'private'

export interface ParsedRoom {
  readonly sessionId: string
  readonly kind: RoomKind
  /** For a private room: the hash of its author's private token (see shared/identity.ts). */
  readonly owner?: string
}

/** A private room's owner: 43 base64url characters (a SHA-256). */
export const OWNER_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** Parses a room name, or returns null for anything that is not a room of ours. */
export function parseRoom(name: string): ParsedRoom | null {
  const [sessionId, sub, owner, ...rest] = name.split('/')
  if (!sessionId || !SESSION_ID_PATTERN.test(sessionId) || rest.length > 0) return null
  if (sub === undefined) return { sessionId, kind: 'board' }
  if (sub === 'control' && owner === undefined) return { sessionId, kind: 'control' }
  if (sub === 'facilitator' && owner === undefined) return { sessionId, kind: 'facilitator' }
  if (sub === 'private' && owner !== undefined && OWNER_PATTERN.test(owner))
    return { sessionId, kind: 'private', owner }
  return null
}

export const boardRoom = (sessionId: string): string => sessionId
export const controlRoom = (sessionId: string): string => `${sessionId}/control`
/** What only facilitators read and write: the agenda's guidance notes. */
export const facilitatorRoom = (sessionId: string): string => `${sessionId}/facilitator`
/** A participant's private room: notes written in private-writing mode, until the facilitator reveals them. */
export const privateRoom = (sessionId: string, owner: string): string => `${sessionId}/private/${owner}`
export const PRIVATE_PREFIX = (sessionId: string): string => `${sessionId}/private/`

export type Role = 'facilitator' | 'participant' | 'viewer'
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

/**
 * May a connection of this role change this room's document? (Who may open a private room at all —
 * its author and facilitators — is checked when the connection is made.)
 */
export function canWrite(role: Role, room: RoomKind): boolean {
  if (role === 'viewer') return false
  if (room === 'control' || room === 'facilitator') return role === 'facilitator'
  return true
}
