import type * as Y from 'yjs'
import { objectMaps, objectsOf, readObject } from '../schema/boardDoc'
import { boundsOf, unionOf } from '../schema/geometry'
import type { BoardObject } from '../schema/kinds'
import { sendToBack } from './arrange'
import { addObject } from './objects'
import type { Origin } from './origin'

/** Room around grouped notes inside their new frame. */
export const GROUP_PADDING = 40

/**
 * Makes a theme: a frame around the given objects (all on one canvas), behind everything so it never
 * covers them, named `title`. Returns the frame's id, or null when there is nothing to group.
 */
export function groupIntoFrame(
  doc: Y.Doc,
  ids: readonly string[],
  title: string,
  origin: Origin,
): string | null {
  const objects: BoardObject[] = []
  for (const id of ids) {
    const map = objectsOf(doc).get(id)
    const read = map ? readObject(id, map) : null
    if (read?.ok) objects.push(read.object)
  }
  const canvas = objects[0]?.canvas
  const area = unionOf(objects.filter((o) => o.canvas === canvas).map(boundsOf))
  if (!canvas || !area) return null
  let id: string | null = null
  doc.transact(() => {
    id = addObject(
      doc,
      {
        kind: 'frame',
        canvas,
        x: Math.round(area.x - GROUP_PADDING),
        y: Math.round(area.y - GROUP_PADDING),
        props: {
          w: Math.round(area.w + GROUP_PADDING * 2),
          h: Math.round(area.h + GROUP_PADDING * 2),
          title: title.trim().slice(0, 200) || 'Theme',
          order: countFrames(doc, canvas),
        },
      },
      origin,
    )
    sendToBack(doc, [id], origin)
  }, origin)
  return id
}

function countFrames(doc: Y.Doc, canvas: string): number {
  let n = 0
  for (const [, o] of objectMaps(doc)) if (o.get('kind') === 'frame' && o.get('canvas') === canvas) n++
  return n
}
