import { useMemo } from 'react'
import type { RemoteCursor } from '../canvas/CursorsLayer'
import type { PresentPerson } from '../panels/PresenceList'
import type { Peer } from '../state'

/** What the board shows of the others: the "who is here" list, cursors and selections on this canvas. */
export function usePeersView(peers: readonly Peer[], canvasId: string) {
  return useMemo(() => {
    const people: PresentPerson[] = peers.map((p) => ({
      key: String(p.clientId),
      name: p.presence.user.name,
      color: p.presence.user.color,
      role: p.presence.user.role,
      self: p.self,
    }))
    const cursors: RemoteCursor[] = []
    const selections = new Map<string, string>()
    for (const p of peers) {
      if (p.self) continue
      const { cursor, selection, user } = p.presence
      if (cursor && cursor.canvas === canvasId) {
        cursors.push({
          key: String(p.clientId),
          name: user.name,
          color: user.color,
          x: cursor.x,
          y: cursor.y,
        })
      }
      for (const id of selection) if (!selections.has(id)) selections.set(id, user.color)
    }
    return { people, cursors, selections }
  }, [peers, canvasId])
}
