import * as Y from 'yjs'
import { z } from 'zod'
import {
  CONTENT_NOTE_MAX,
  objectMapOf,
  objectMaps,
  objectsOf,
  readObject,
  textOf,
  writeObject,
} from '../schema/boardDoc'
import { KINDS, type BoardObject, type ObjectKind } from '../schema/kinds'
import { readRichText, writeRichText, richNodeSchema, type RichNode } from '../schema/richText'
import { newId } from './ids'
import type { Origin } from './origin'

/** Marks clipboard text as ours, so pasting plain text from elsewhere is not mistaken for objects. */
export const CLIPBOARD_FORMAT = 'workshop-whiteboard/objects@1'

export interface ClipboardObject {
  readonly kind: string
  readonly x: number
  readonly y: number
  readonly rotation: number
  readonly props: Record<string, unknown>
  readonly richText: RichNode[]
  /** Its content note: a copy keeps the warning before its text ('' or absent for none). */
  readonly contentNote?: string
}

export interface ClipboardData {
  readonly format: typeof CLIPBOARD_FORMAT
  readonly objects: ClipboardObject[]
}

const clipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  objects: z
    .array(
      z.object({
        kind: z.string(),
        x: z.number().finite(),
        y: z.number().finite(),
        rotation: z.number().finite(),
        props: z.record(z.string(), z.unknown()),
        richText: z.array(richNodeSchema).max(2000),
        contentNote: z.string().max(CONTENT_NOTE_MAX).optional(),
      }),
    )
    .max(2000),
})

/** Copies objects as plain data (props and rich text), for paste within or across canvases and tabs. */
export function copyObjects(doc: Y.Doc, ids: readonly string[]): ClipboardData {
  const objects: ClipboardObject[] = []
  for (const id of ids) {
    const map = objectMapOf(doc, id)
    if (!map) continue
    const read = readObject(id, map)
    if (!read.ok) continue
    const o: BoardObject = read.object
    const fragment = textOf(doc, id)
    objects.push({
      kind: o.kind,
      x: o.x,
      y: o.y,
      rotation: o.rotation,
      props: { ...o.props },
      richText: fragment ? readRichText(fragment) : [],
      ...(o.contentNote ? { contentNote: o.contentNote } : {}),
    })
  }
  return { format: CLIPBOARD_FORMAT, objects }
}

/** Reads clipboard text; null if it is not objects copied from this app. */
export function parseClipboard(text: string): ClipboardData | null {
  try {
    const parsed = clipboardSchema.safeParse(JSON.parse(text))
    return parsed.success ? (parsed.data as ClipboardData) : null
  } catch {
    return null
  }
}

/**
 * Pastes copied objects onto a canvas as new objects by this person, shifted by (dx, dy) and on top;
 * kinds this build does not know and invalid props are skipped. Returns the new ids.
 */
export function pasteObjects(
  doc: Y.Doc,
  data: ClipboardData,
  canvas: string,
  offset: { dx: number; dy: number },
  origin: Origin,
  now = Date.now(),
): string[] {
  const ids: string[] = []
  doc.transact(() => {
    const objects = objectsOf(doc)
    let z = 0
    for (const [, obj] of objectMaps(doc)) {
      const oz = obj.get('z')
      if (obj.get('canvas') === canvas && typeof oz === 'number') z = Math.max(z, oz)
    }
    for (const item of data.objects) {
      if (!(item.kind in KINDS)) continue
      const kind = item.kind as ObjectKind
      const props = KINDS[kind].props.safeParse({ ...KINDS[kind].defaults(), ...item.props })
      if (!props.success) continue
      const id = newId()
      const map = writeObject({
        id,
        kind,
        canvas,
        x: item.x + offset.dx,
        y: item.y + offset.dy,
        rotation: item.rotation,
        z: ++z,
        createdBy: origin.userId,
        author: origin.name,
        createdAt: now,
        props: props.data as never,
        contentNote: item.contentNote,
      })
      objects.set(id, map)
      const fragment = map.get('text')
      if (fragment instanceof Y.XmlFragment) writeRichText(fragment, item.richText)
      ids.push(id)
    }
  }, origin)
  return ids
}

/** Duplicates objects in place, offset a little so the copies are visible. */
export function duplicateObjects(doc: Y.Doc, ids: readonly string[], origin: Origin, offset = 24): string[] {
  const data = copyObjects(doc, ids)
  const first = ids.map((id) => objectMapOf(doc, id)?.get('canvas')).find((c) => typeof c === 'string')
  if (typeof first !== 'string') return []
  return pasteObjects(doc, data, first, { dx: offset, dy: offset }, origin)
}
