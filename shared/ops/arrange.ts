import type * as Y from 'yjs'
import { objectMapOf, objectMaps } from '../schema/boardDoc'
import type { Origin } from './origin'

/** z of every object on a canvas, lowest first. */
function zRange(doc: Y.Doc, canvas: string, except: ReadonlySet<string>): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const [id, obj] of objectMaps(doc)) {
    const z = obj.get('z')
    if (except.has(id) || obj.get('canvas') !== canvas || typeof z !== 'number') continue
    min = Math.min(min, z)
    max = Math.max(max, z)
  }
  return { min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0 }
}

/** The given objects (which may span canvases), each group sorted by its current z. */
function byCanvas(doc: Y.Doc, ids: readonly string[]): Map<string, Y.Map<unknown>[]> {
  const groups = new Map<string, Y.Map<unknown>[]>()
  for (const id of ids) {
    const obj = objectMapOf(doc, id)
    const canvas = obj?.get('canvas')
    if (!obj || typeof canvas !== 'string') continue
    groups.set(canvas, [...(groups.get(canvas) ?? []), obj])
  }
  const zOf = (m: Y.Map<unknown>): number => (typeof m.get('z') === 'number' ? (m.get('z') as number) : 0)
  for (const list of groups.values()) list.sort((a, b) => zOf(a) - zOf(b))
  return groups
}

/** Brings objects above everything else on their canvas, keeping their order among themselves. */
export function bringToFront(doc: Y.Doc, ids: readonly string[], origin: Origin): void {
  doc.transact(() => {
    for (const [canvas, list] of byCanvas(doc, ids)) {
      const { max } = zRange(doc, canvas, new Set(ids))
      list.forEach((obj, i) => obj.set('z', max + 1 + i))
    }
  }, origin)
}

/** Sends objects below everything else on their canvas, keeping their order among themselves. */
export function sendToBack(doc: Y.Doc, ids: readonly string[], origin: Origin): void {
  doc.transact(() => {
    for (const [canvas, list] of byCanvas(doc, ids)) {
      const { min } = zRange(doc, canvas, new Set(ids))
      list.forEach((obj, i) => obj.set('z', min - list.length + i))
    }
  }, origin)
}

/** Locks or unlocks objects (a facilitator's tool: locked objects cannot be moved or deleted). */
export function setLocked(doc: Y.Doc, ids: readonly string[], locked: boolean, origin: Origin): void {
  doc.transact(() => {
    for (const id of ids) objectMapOf(doc, id)?.set('locked', locked)
  }, origin)
}

export interface Placement {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly rotation?: number
}

/** Sets position and rotation after a move, resize or rotate, in one transaction. */
export function placeObjects(doc: Y.Doc, placements: readonly Placement[], origin: Origin): void {
  doc.transact(() => {
    for (const p of placements) {
      const obj = objectMapOf(doc, p.id)
      if (!obj || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
      obj.set('x', p.x)
      obj.set('y', p.y)
      if (p.rotation !== undefined && Number.isFinite(p.rotation))
        obj.set('rotation', ((p.rotation % 360) + 360) % 360)
    }
  }, origin)
}
