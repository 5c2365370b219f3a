import { facilitatorRoom, privateRoom } from '../../shared/rooms'
import { personIdFor, personTokenFor } from './personToken'
import type { RoomConnection } from './roomConnection'
import { useRoomConnection } from './useRoomConnection'

/**
 * This person's private room (private writing, votes): named by their person id, which their token
 * proves to the relay; it serves the room to them and facilitators. Without a token (a viewer) none.
 */
export function usePrivateRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  const token = personTokenFor(sessionId)
  return useRoomConnection(
    privateRoom(sessionId, personIdFor(sessionId)),
    key,
    true,
    token ?? undefined,
    enabled && token !== null,
  )
}

/** The facilitators' room (guidance for each agenda step, who waits to be admitted): facilitators only. */
export function useFacilitatorRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  return useRoomConnection(
    facilitatorRoom(sessionId),
    key,
    true,
    personTokenFor(sessionId) ?? undefined,
    enabled,
  )
}
