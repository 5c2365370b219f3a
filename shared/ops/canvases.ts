import type * as Y from 'yjs'
import { objectMaps, objectsOf } from '../schema/boardDoc'
import { canvasesOf, writeCanvas } from '../schema/controlDoc'
import { newId } from './ids'
import type { Origin } from './origin'

const NAME_MAX = 80
const clean = (name: string): string => name.trim().slice(0, NAME_MAX) || 'Untitled'

const indexOf = (control: Y.Doc, id: string): number =>
  canvasesOf(control)
    .toArray()
    .findIndex((m) => m.get('id') === id)

/** Adds a canvas at the end (control document: facilitators only); returns its id. */
export function addCanvas(control: Y.Doc, name: string, origin: Origin): string {
  const id = newId()
  control.transact(() => canvasesOf(control).push([writeCanvas({ id, name: clean(name) })]), origin)
  return id
}

/** Renames a canvas. */
export function renameCanvas(control: Y.Doc, id: string, name: string, origin: Origin): void {
  control.transact(() => {
    const i = indexOf(control, id)
    if (i >= 0) canvasesOf(control).get(i).set('name', clean(name))
  }, origin)
}

/** Moves a canvas to a new position among the tabs. */
export function moveCanvas(control: Y.Doc, id: string, toIndex: number, origin: Origin): void {
  control.transact(() => {
    const list = canvasesOf(control)
    const from = indexOf(control, id)
    if (from < 0) return
    const target = Math.max(0, Math.min(list.length - 1, toIndex))
    if (target === from) return
    const map = list.get(from)
    const copy = writeCanvas({ id, name: String(map.get('name') ?? '') })
    list.delete(from, 1)
    list.insert(target, [copy])
  }, origin)
}

/** Deletes a canvas from the tabs (the last one stays). Its objects are removed with deleteCanvasObjects. */
export function deleteCanvas(control: Y.Doc, id: string, origin: Origin): boolean {
  let deleted = false
  control.transact(() => {
    const list = canvasesOf(control)
    const i = indexOf(control, id)
    if (i < 0 || list.length <= 1) return
    list.delete(i, 1)
    deleted = true
  }, origin)
  return deleted
}

/** Deletes every object of a canvas from the board document. */
export function deleteCanvasObjects(board: Y.Doc, canvas: string, origin: Origin): void {
  board.transact(() => {
    const objects = objectsOf(board)
    for (const [id, obj] of objectMaps(board)) if (obj.get('canvas') === canvas) objects.delete(id)
  }, origin)
}
