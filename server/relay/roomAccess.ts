import type { ParsedRoom } from '../../shared/rooms'
import { admitsPeople } from '../sessions/people'
import { SessionError, authorize, type Caller } from '../sessions/service'
import type { SessionStore } from '../storage/types'
import { lobbyDenial, privateRoomDenial } from './policy'
import type { Relay } from './relay'

/**
 * Who may open a room with this key or token (the token wins): the caller, or a SessionError (404
 * unknown session, 403 wrong key, a token refused, someone waiting, another person's private room).
 * The websocket upgrade and the board's HTTP snapshot ask the same question here.
 */
export async function roomAccess(
  deps: { readonly sessions: SessionStore; readonly relay: Relay },
  room: ParsedRoom,
  key: string | null,
  token: string | null,
): Promise<Caller> {
  const caller = await authorize(deps.sessions, room.sessionId, key, token)
  const { person, role } = caller
  // a participant key without a token is only for the join screen while the session admits people
  const waiting =
    person?.status === 'waiting' ||
    (!person &&
      role === 'participant' &&
      room.kind !== 'control' &&
      (await admitsPeople(deps.relay, room.sessionId)))
  const denied =
    lobbyDenial(room, waiting, person !== null) ?? privateRoomDenial(room, role, person?.id ?? null)
  if (denied) throw new SessionError(403, denied)
  return caller
}
