import * as Y from 'yjs'
import { LANG_TAG } from '../lang'
import { objectMapOf, objectMaps, objectsOf, writeObject, textOf, type NewObject } from '../schema/boardDoc'
import { KINDS, type ObjectKind, type PropsOf } from '../schema/kinds'
import { appendPlainText, writePlainText } from '../schema/richText'
import { newId } from './ids'
import type { Origin } from './origin'

export interface AddObjectArgs<K extends ObjectKind> {
  readonly kind: K
  readonly canvas: string
  readonly x: number
  readonly y: number
  readonly props?: Partial<PropsOf<K>>
  readonly text?: string
  readonly id?: string
  readonly now?: number
}

/** Adds one object on top of the others in its canvas; returns its id. */
export function addObject<K extends ObjectKind>(doc: Y.Doc, args: AddObjectArgs<K>, origin: Origin): string {
  const id = args.id ?? newId()
  const def = KINDS[args.kind]
  doc.transact(() => {
    const objects = objectsOf(doc)
    const obj: NewObject<K> = {
      id,
      kind: args.kind,
      canvas: args.canvas,
      x: args.x,
      y: args.y,
      z: topZ(doc, args.canvas) + 1,
      createdBy: origin.userId,
      author: origin.name,
      createdAt: args.now ?? Date.now(),
      props: { ...def.defaults(), ...args.props } as PropsOf<K>,
    }
    objects.set(id, writeObject(obj))
    if (args.text !== undefined) {
      const fragment = textOf(doc, id)
      if (fragment) writePlainText(fragment, args.text)
    }
  }, origin)
  return id
}

function topZ(doc: Y.Doc, canvas: string): number {
  let top = 0
  for (const [, obj] of objectMaps(doc)) {
    const z = obj.get('z')
    if (obj.get('canvas') === canvas && typeof z === 'number' && z > top) top = z
  }
  return top
}

export interface Move {
  readonly id: string
  readonly x: number
  readonly y: number
}

/** Moves objects to new positions in one transaction. */
export function moveObjects(doc: Y.Doc, moves: readonly Move[], origin: Origin): void {
  doc.transact(() => {
    for (const { id, x, y } of moves) {
      const obj = objectMapOf(doc, id)
      if (!obj) continue // deleted by someone else meanwhile: nothing to move
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue
      obj.set('x', x)
      obj.set('y', y)
    }
  }, origin)
}

/** Deletes objects (and their rich text) in one transaction. */
export function deleteObjects(doc: Y.Doc, ids: readonly string[], origin: Origin): void {
  doc.transact(() => {
    const objects = objectsOf(doc)
    for (const id of ids) objects.delete(id)
  }, origin)
}

/** Changes some props of one object, validated against its kind. */
export function updateProps<K extends ObjectKind>(
  doc: Y.Doc,
  id: string,
  kind: K,
  changes: Partial<PropsOf<K>>,
  origin: Origin,
): void {
  const schema = KINDS[kind].props
  doc.transact(() => {
    const obj = objectMapOf(doc, id)
    if (!obj || obj.get('kind') !== kind) return
    // props of this build's shape never go into an object of another version (mixed shapes): the
    // server upgrades every object when it loads a room, so an honest tab only meets current ones
    if (obj.get('v') !== KINDS[kind].version) return
    const current: Record<string, unknown> = { ...KINDS[kind].defaults() }
    for (const key of Object.keys(current)) if (obj.has(key)) current[key] = obj.get(key)
    const next = schema.parse({ ...current, ...changes }) as Record<string, unknown>
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) obj.set(key, next[key])
  }, origin)
}

/**
 * Tags objects' text with the language it is written in (BCP 47, '' for the board's own), so screen
 * readers pronounce it right and exports mark it. A malformed tag changes nothing.
 */
export function setLang(doc: Y.Doc, ids: readonly string[], lang: string, origin: Origin): void {
  if (lang.length > 40 || !LANG_TAG.test(lang)) return
  doc.transact(() => {
    for (const id of ids) objectMapOf(doc, id)?.set('lang', lang)
  }, origin)
}

/** Replaces an object's rich text with plain text (used by the list view and tests). */
export function setPlainText(doc: Y.Doc, id: string, text: string, origin: Origin): void {
  doc.transact(() => {
    const fragment = textOf(doc, id)
    if (fragment) writePlainText(fragment, text)
  }, origin)
}

/** Adds plain text at the end of an object's rich text (keys typed before its editor was there). */
export function appendText(doc: Y.Doc, id: string, text: string, origin: Origin): void {
  if (!text) return
  doc.transact(() => {
    const fragment = textOf(doc, id)
    if (fragment) appendPlainText(fragment, text)
  }, origin)
}

/** Per-user undo: only this user's origin is tracked, so undo never takes back others' work. */
export const createUndo = (doc: Y.Doc, mine: Origin): Y.UndoManager =>
  new Y.UndoManager(objectsOf(doc), { trackedOrigins: new Set([mine]), captureTimeout: 400 })
