import { canWrite, type Role } from '../../shared/rooms'
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
