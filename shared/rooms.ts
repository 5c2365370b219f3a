/**
 * Room names on the relay. Room `<session>` holds the board; `<session>/control` holds what only
 * facilitators write. A session id is 22 base64url characters (128 random bits).
 */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export type RoomKind = 'board' | 'control'

export interface ParsedRoom {
  readonly sessionId: string
  readonly kind: RoomKind
}

/** Parses a room name, or returns null for anything that is not a room of ours. */
export function parseRoom(name: string): ParsedRoom | null {
  const [sessionId, sub, ...rest] = name.split('/')
  if (!sessionId || !SESSION_ID_PATTERN.test(sessionId) || rest.length > 0) return null
  if (sub === undefined) return { sessionId, kind: 'board' }
  if (sub === 'control') return { sessionId, kind: 'control' }
  return null
}

export const boardRoom = (sessionId: string): string => sessionId
export const controlRoom = (sessionId: string): string => `${sessionId}/control`

export type Role = 'facilitator' | 'participant' | 'viewer'
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

/** May a connection of this role change this room's document? */
export function canWrite(role: Role, room: RoomKind): boolean {
  if (role === 'viewer') return false
  if (room === 'control') return role === 'facilitator'
  return true
}
