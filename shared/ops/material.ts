import type * as Y from 'yjs'
import type { MaterialItem } from '../material/types'
import {
  CONTENT_NOTE_MAX,
  objectMapOf,
  objectMaps,
  objectsOf,
  textOf,
  writeObject,
  type NewObject,
} from '../schema/boardDoc'
import { KINDS, type PropsOf } from '../schema/kinds'
import { writePlainText } from '../schema/richText'
import { newId } from './ids'
import type { Origin } from './origin'

/** Sizes of the grid an import is laid out in (world units). */
const STORY = { w: 300, h: 240 }
const NOTE = { w: 200, h: 200 }
const GAP = 32
const PAD = 48
/** Room above the grid for the frame's title. */
const HEAD = 72
/** Space left between what a canvas already holds and the new frame. */
const MARGIN = 160

export interface ImportMaterialArgs {
  readonly canvas: string
  readonly items: readonly MaterialItem[]
  /** The frame's title. */
  readonly title: string
  readonly now?: number
}

export interface ImportedMaterial {
  readonly frame: string
  readonly ids: readonly string[]
  /** Where the frame is, so the importer can be shown it. */
  readonly area: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
}

/** Columns of the grid: about as wide as it is tall, never more than the items. */
export const gridColumns = (n: number): number => Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 1.5))))

/** The existing content's right edge and top on a canvas (where a new frame goes beside it). */
function contentEdge(doc: Y.Doc, canvas: string): { right: number; top: number; z: number } {
  let right = -Infinity
  let top = Infinity
  let z = 0
  for (const [, obj] of objectMaps(doc)) {
    if (obj.get('canvas') !== canvas) continue
    const x = obj.get('x')
    const y = obj.get('y')
    const w = obj.get('w')
    const oz = obj.get('z')
    if (typeof oz === 'number' && oz > z) z = oz
    if (typeof x !== 'number' || typeof y !== 'number') continue
    right = Math.max(right, x + (typeof w === 'number' && w > 0 ? w : 0))
    top = Math.min(top, y)
  }
  return Number.isFinite(right) ? { right, top, z } : { right: -MARGIN, top: 0, z }
}

/**
 * Brings a list in: a new frame on the canvas, beside what is already there, holding one story
 * card or note per item in a tidy grid, in the list's order. One command in one transaction, so one
 * Undo takes the whole import back and every other person receives it at once or not at all.
 */
export function importMaterial(doc: Y.Doc, args: ImportMaterialArgs, origin: Origin): ImportedMaterial {
  const { canvas, items } = args
  const cell = items.some((i) => i.kind === 'story') ? STORY : NOTE
  const cols = gridColumns(items.length)
  const rows = Math.max(1, Math.ceil(items.length / cols))
  const w = PAD * 2 + cols * cell.w + (cols - 1) * GAP
  const h = HEAD + PAD + rows * cell.h + (rows - 1) * GAP
  const now = args.now ?? Date.now()
  const frame = newId()
  const ids: string[] = []
  let area = { x: 0, y: 0, w, h }
  doc.transact(() => {
    const edge = contentEdge(doc, canvas)
    const x = edge.right + MARGIN
    const y = edge.top
    area = { x, y, w, h }
    const objects = objectsOf(doc)
    const base = { canvas, createdBy: origin.userId, author: origin.name, createdAt: now }
    let z = edge.z + 1
    objects.set(
      frame,
      writeObject({
        ...base,
        id: frame,
        kind: 'frame',
        x,
        y,
        z: z++,
        props: { w, h, title: args.title.slice(0, 200), order: nextFrameOrder(doc, canvas) },
      }),
    )
    items.forEach((item, i) => {
      const id = newId()
      const size = item.kind === 'story' ? STORY : NOTE
      const common = {
        ...base,
        // a millisecond apart, so lists and reports that go by creation keep the list's order
        createdAt: now + 1 + i,
        id,
        x: x + PAD + (i % cols) * (cell.w + GAP),
        y: y + HEAD + Math.floor(i / cols) * (cell.h + GAP),
        z: z++,
        lang: item.lang,
        contentNote: item.contentNote,
      }
      const obj: NewObject<'story'> | NewObject<'sticky'> =
        item.kind === 'story'
          ? {
              ...common,
              kind: 'story',
              props: {
                ...KINDS.story.defaults(),
                ...size,
                title: item.title,
                credit: item.credit,
                anonymous: item.anonymous,
              } satisfies PropsOf<'story'>,
            }
          : { ...common, kind: 'sticky', props: { ...KINDS.sticky.defaults(), ...size } }
      const map = writeObject<'story' | 'sticky'>(obj)
      if (!item.consent) map.set('consent', false)
      objects.set(id, map)
      writePlainText(textOf(doc, id)!, item.text)
      ids.push(id)
    })
  }, origin)
  return { frame, ids, area }
}

/** The page order after the canvas's other frames. */
function nextFrameOrder(doc: Y.Doc, canvas: string): number {
  let order = 0
  for (const [, obj] of objectMaps(doc)) {
    const o = obj.get('order')
    if (obj.get('canvas') === canvas && obj.get('kind') === 'frame' && typeof o === 'number')
      order = Math.max(order, o)
  }
  return order + 1
}

/**
 * Sets (or, with '', clears) the content note of objects: a warning shown before their text, which
 * stays hidden until a person chooses to read it. The board's rules let only each object's author or
 * a facilitator change it.
 */
export function setContentNote(doc: Y.Doc, ids: readonly string[], note: string, origin: Origin): void {
  const value = note.trim().slice(0, CONTENT_NOTE_MAX)
  doc.transact(() => {
    for (const id of ids) {
      const obj = objectMapOf(doc, id)
      if (!obj) continue
      if (value === '') {
        if (obj.has('contentNote')) obj.delete('contentNote')
      } else if (obj.get('contentNote') !== value) obj.set('contentNote', value)
    }
  }, origin)
}
