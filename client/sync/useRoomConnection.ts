import { useEffect, useState } from 'react'
import { connectRoom, type RoomConnection } from './roomConnection'

/**
 * Opens a room for as long as the component is mounted (null until the effect has run). A new
 * room or key closes the old connection first. `writable`: whether this role may change the room
 * (the server drops what it may not, so such changes are never counted as waiting to be sent).
 */
export function useRoomConnection(room: string, key: string, writable = true): RoomConnection | null {
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  useEffect(() => {
    const conn = connectRoom({ room, key, writable })
    setConnection(conn)
    return () => {
      setConnection(null)
      conn.destroy()
    }
  }, [room, key, writable])
  return connection
}
