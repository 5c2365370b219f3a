import { useEffect, useState } from 'react'
import { facilitatorRoom, privateRoom } from '../../shared/rooms'
import { privateOwnerFor, privateTokenFor } from './privateToken'
import { connectRoom, type RoomConnection } from './roomConnection'

/** Opens a room while `enabled`, with extra parameters; null while closed or not yet open. */
function useOptionalRoom(room: string, key: string, enabled: boolean, token?: string): RoomConnection | null {
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  useEffect(() => {
    if (!enabled) return
    const conn = connectRoom({ room, key, params: token ? { token } : undefined })
    setConnection(conn)
    return () => {
      setConnection(null)
      conn.destroy()
    }
  }, [room, key, enabled, token])
  return connection
}

/** This person's private room (private writing, votes); the relay serves it to them and facilitators. */
export function usePrivateRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  return useOptionalRoom(
    privateRoom(sessionId, privateOwnerFor(sessionId)),
    key,
    enabled,
    privateTokenFor(sessionId),
  )
}

/** The facilitators' room (guidance for each agenda step): opened by facilitators only. */
export function useFacilitatorRoom(sessionId: string, key: string, enabled: boolean): RoomConnection | null {
  return useOptionalRoom(facilitatorRoom(sessionId), key, enabled)
}
