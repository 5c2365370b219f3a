import { useMemo } from 'react'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { RemoteCursor } from '../canvas/CursorsLayer'
import type { PresentPerson } from '../panels/PresenceList'
import type { Peer } from '../state'

/** Where "Go to" takes you for one person: a point on one of the canvases. */
export interface PeerTarget {
  readonly canvas: string
  readonly x: number
  readonly y: number
}

/**
 * What the board shows of the others: the "who is here" list, cursors and selections on this
 * canvas, and where each person can be found (their cursor, else the middle of their view).
 */
export function usePeersView(peers: readonly Peer[], canvasId: string, canvases: readonly CanvasInfo[]) {
  return useMemo(() => {
    const names = new Map(canvases.map((c) => [c.id, c.name]))
    const people: PresentPerson[] = []
    const targets = new Map<string, PeerTarget>()
    const cursors: RemoteCursor[] = []
    const selections = new Map<string, string>()
    for (const p of peers) {
      const key = String(p.clientId)
      const { cursor, selection, user, view } = p.presence
      // A canvas deleted meanwhile is nowhere to go.
      const target = [cursor, view].find((t) => t !== null && names.has(t.canvas)) ?? null
      if (target) targets.set(key, target)
      people.push({
        key,
        id: user.id,
        name: user.name,
        color: user.color,
        role: user.role,
        self: p.self,
        canvasName: names.get(view?.canvas ?? cursor?.canvas ?? '') ?? null,
        canGoTo: target !== null,
        pointing: cursor !== null,
      })
      if (p.self) continue
      if (cursor && cursor.canvas === canvasId) {
        cursors.push({ key, name: user.name, color: user.color, x: cursor.x, y: cursor.y })
      }
      for (const id of selection) if (!selections.has(id)) selections.set(id, user.color)
    }
    return { people, cursors, selections, targets }
  }, [peers, canvasId, canvases])
}
