import { useEffect, useState } from 'react'
import { fetchedAhead, forgetFetchedAhead } from './prefetch'
import { connectRoom, type RoomConnection } from './roomConnection'

/**
 * Opens a room for as long as the component is mounted (null until the effect has run). A new
 * room, key or token closes the old connection first; after a refused change the connection's next
 * generation takes its place (roomConnection.ts), and consumers rebuild on it. `writable`: whether
 * this role may change the room (the server drops what it may not, so such changes are never counted
 * as waiting to be sent). `token`: this person's private token, so the server knows who writes.
 */
export function useRoomConnection(
  room: string,
  key: string,
  writable = true,
  token?: string,
  enabled = true,
): RoomConnection | null {
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  useEffect(() => {
    if (!enabled) return
    let current: RoomConnection | null = null
    let live = true
    const open = (initial: Uint8Array | null) => {
      current = connectRoom({
        room,
        key,
        writable,
        token,
        ...(initial ? { initial } : {}),
        onReplaced: (next) => {
          current = next
          setConnection(next)
        },
      })
      if (initial) forgetFetchedAhead(room)
      setConnection(current)
    }
    // a board fetched while the person read the join page: the room opens already holding it
    const ahead = fetchedAhead(room)
    if (ahead) void ahead.then((initial) => live && open(initial))
    else open(null)
    return () => {
      live = false
      setConnection(null)
      current?.destroy()
    }
  }, [room, key, writable, token, enabled])
  return connection
}
