import { facilitatorRoom, privateRoom } from '../../shared/rooms'
import { privateOwnerFor, privateTokenFor } from './privateToken'
import type { RoomConnection } from './roomConnection'
import { useRoomConnection } from './useRoomConnection'

/** This person's private room (private writing, votes); the relay serves it to them and facilitators. */
export function usePrivateRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  return useRoomConnection(
    privateRoom(sessionId, privateOwnerFor(sessionId)),
    key,
    true,
    privateTokenFor(sessionId),
    enabled,
  )
}

/** The facilitators' room (guidance for each agenda step): opened by facilitators only. */
export function useFacilitatorRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  return useRoomConnection(facilitatorRoom(sessionId), key, true, privateTokenFor(sessionId), enabled)
}
