import { useEffect, useState } from 'react'
import { connectRoom, type RoomConnection } from './roomConnection'

/**
 * Opens a room for as long as the component is mounted (null until the effect has run). A new
 * room or key closes the old connection first.
 */
export function useRoomConnection(room: string, key: string): RoomConnection | null {
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  useEffect(() => {
    const conn = connectRoom({ room, key })
    setConnection(conn)
    return () => {
      setConnection(null)
      conn.destroy()
    }
  }, [room, key])
  return connection
}
