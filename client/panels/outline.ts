import { boundsOf, frameContents, framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject, ObjectOf } from '../../shared/schema/kinds'

export type FrameObject = ObjectOf<'frame'>

/** One entry of the list view: a frame with what it holds, or any other object. */
export type OutlineNode =
  | { readonly type: 'frame'; readonly object: FrameObject; readonly children: readonly OutlineNode[] }
  | { readonly type: 'item'; readonly object: BoardObject }

const byCreation = (a: BoardObject, b: BoardObject): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const area = (o: BoardObject): number => {
  const b = boundsOf(o)
  return b.w * b.h
}

/**
 * Which frame each object belongs to: the smallest frame holding it. A frame can only sit in a
 * larger frame (or an equal one listed before it), so two frames exactly on top of each other
 * never hold each other and nothing drops out of the outline.
 */
function parentsOf(
  objects: readonly BoardObject[],
  frames: readonly FrameObject[],
): Map<string, FrameObject> {
  const ranked = [...frames].sort((a, b) => area(b) - area(a))
  const rank = new Map(ranked.map((f, i) => [f.id, i]))
  const parent = new Map<string, FrameObject>()
  for (const frame of ranked) {
    const frameRank = rank.get(frame.id) ?? 0
    for (const inner of frameContents(frame, objects)) {
      if (inner.kind === 'frame' && (rank.get(inner.id) ?? 0) <= frameRank) continue
      const current = parent.get(inner.id)
      // Ranked largest first, so a later frame holding the object is the tighter fit.
      if (!current || area(frame) <= area(current)) parent.set(inner.id, frame)
    }
  }
  return parent
}

/**
 * The objects of a canvas as an outline: frames (in page order) each with what lies inside them,
 * then the loose objects in the order they were made, which stays put while people move things.
 */
export function buildOutline(objects: readonly BoardObject[]): OutlineNode[] {
  const frames = framesInOrder(objects).filter((o): o is FrameObject => o.kind === 'frame')
  const parent = parentsOf(objects, frames)
  const childrenOf = new Map<string | null, BoardObject[]>()
  for (const o of objects) {
    const key = parent.get(o.id)?.id ?? null
    const list = childrenOf.get(key)
    if (list) list.push(o)
    else childrenOf.set(key, [o])
  }
  const frameOrder = new Map(frames.map((f, i) => [f.id, i]))
  const level = (key: string | null): OutlineNode[] => {
    const members = childrenOf.get(key) ?? []
    const inFrames = members
      .filter((o): o is FrameObject => o.kind === 'frame')
      .sort((a, b) => (frameOrder.get(a.id) ?? 0) - (frameOrder.get(b.id) ?? 0))
    const loose = members.filter((o) => o.kind !== 'frame').sort(byCreation)
    return [
      ...inFrames.map((f): OutlineNode => ({ type: 'frame', object: f, children: level(f.id) })),
      ...loose.map((o): OutlineNode => ({ type: 'item', object: o })),
    ]
  }
  return level(null)
}

/** The outline's objects in reading order (frames before what they hold), for moving focus. */
export function flattenOutline(nodes: readonly OutlineNode[]): BoardObject[] {
  return nodes.flatMap((n) => (n.type === 'frame' ? [n.object, ...flattenOutline(n.children)] : [n.object]))
}

/** Counts every object under a frame, however deep. */
export const countInside = (nodes: readonly OutlineNode[]): number =>
  nodes.reduce((sum, n) => sum + 1 + (n.type === 'frame' ? countInside(n.children) : 0), 0)

/** Numbers each object within its kind, in creation order ("Note 3", "Image 1"). */
export function numberByKind(objects: readonly BoardObject[]): Map<string, number> {
  const counters = new Map<string, number>()
  const out = new Map<string, number>()
  for (const o of [...objects].sort(byCreation)) {
    const n = (counters.get(o.kind) ?? 0) + 1
    counters.set(o.kind, n)
    out.set(o.id, n)
  }
  return out
}
