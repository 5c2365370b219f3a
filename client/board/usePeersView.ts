import { useMemo } from 'react'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { CursorSource, RemoteCursor } from '../canvas/CursorsLayer'
import type { PresentPerson } from '../panels/PresenceList'
import type { Peer, PeersStore } from '../state'

/** Where "Go to" takes you for one person: a point on one of the canvases. */
export interface PeerTarget {
  readonly canvas: string
  readonly x: number
  readonly y: number
}

/** Where one person can be found now: their cursor, else the middle of their view (on a canvas that exists). */
export function targetOf(peer: Peer, canvases: ReadonlySet<string>): PeerTarget | null {
  const { cursor, view } = peer.presence
  return [cursor, view].find((t) => t !== null && canvases.has(t.canvas)) ?? null
}

/**
 * What the board shows of the others that changes rarely: the "who is here" list, selections on
 * this canvas, and who points at it. Reads the settled people (useRoomPeople): a moving cursor
 * changes none of it.
 */
export function usePeersView(peers: readonly Peer[], canvasId: string, canvases: readonly CanvasInfo[]) {
  return useMemo(() => {
    const names = new Map(canvases.map((c) => [c.id, c.name]))
    const ids = new Set(names.keys())
    const people: PresentPerson[] = []
    const selections = new Map<string, string>()
    const pointing: string[] = []
    for (const p of peers) {
      const key = String(p.clientId)
      const { cursor, selection, user, view } = p.presence
      people.push({
        key,
        id: user.id,
        name: user.name,
        color: user.color,
        role: user.role,
        self: p.self,
        canvasName: names.get(view?.canvas ?? cursor?.canvas ?? '') ?? null,
        // a canvas deleted meanwhile is nowhere to go
        canGoTo: targetOf(p, ids) !== null,
        pointing: cursor !== null,
      })
      if (p.self) continue
      if (cursor && cursor.canvas === canvasId) pointing.push(user.name)
      for (const id of selection) if (!selections.has(id)) selections.set(id, user.color)
    }
    return { people, selections, cursorNames: pointing.join(',') }
  }, [peers, canvasId, canvases])
}

const NO_CURSORS: readonly RemoteCursor[] = []

/** The others' pointers on one canvas, from the live people: a store the cursor layer reads by itself. */
export function createCursorSource(live: PeersStore, canvasId: string): CursorSource {
  let key = ''
  let cached = NO_CURSORS
  const get = (): readonly RemoteCursor[] => {
    const cursors: RemoteCursor[] = []
    let next = ''
    for (const p of live.get()) {
      const { cursor, user } = p.presence
      if (p.self || !cursor || cursor.canvas !== canvasId) continue
      cursors.push({ key: String(p.clientId), name: user.name, color: user.color, x: cursor.x, y: cursor.y })
      next += `${p.clientId}:${cursor.x}:${cursor.y}:${user.name}:${user.color};`
    }
    if (next !== key) {
      key = next
      cached = cursors.length ? cursors : NO_CURSORS
    }
    return cached
  }
  return { get, subscribe: live.subscribe }
}

/** The cursor source for the open canvas. */
export const useCursorSource = (live: PeersStore, canvasId: string): CursorSource =>
  useMemo(() => createCursorSource(live, canvasId), [live, canvasId])
