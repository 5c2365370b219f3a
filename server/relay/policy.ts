import { canWrite, type ParsedRoom, type Role } from '../../shared/rooms'
import { isBoardLocked } from '../../shared/schema/controlDoc'
import type { Room } from './room'

/**
 * May a connection of this role change this room's document now? Viewers never write, the control
 * room is the facilitators' alone, and while the board is locked only facilitators change it.
 */
export function mayWrite(role: Role, room: Room): boolean {
  if (!canWrite(role, room.info.kind)) return false
  if (
    room.info.kind === 'board' &&
    role !== 'facilitator' &&
    room.control &&
    isBoardLocked(room.control.room.doc)
  ) {
    return false
  }
  return true
}

/**
 * Why a connection may not open this room, or null if it may. The facilitator room is theirs alone;
 * a private room is served only to facilitators and to its author, the person whose id (their
 * token's hash) names the room.
 */
export function privateRoomDenial(room: ParsedRoom, role: Role, person: string | null): string | null {
  if (room.kind === 'facilitator' && role !== 'facilitator') return 'only facilitators can open this room'
  if (room.kind !== 'private' || role === 'facilitator') return null
  if (role === 'viewer') return 'viewers cannot open private rooms'
  if (person === null || person !== room.owner) return 'this private room is not yours'
  return null
}

/**
 * Someone waiting to be admitted (or, while the session admits people, a participant key without a
 * token) may open only the control room, where the join screen reads the commitments; read-only,
 * as participants are there.
 */
export function lobbyDenial(room: ParsedRoom, waiting: boolean, hasToken: boolean): string | null {
  if (!waiting || room.kind === 'control') return null
  return hasToken ? 'waiting to be admitted' : 'this session admits people: join first'
}
