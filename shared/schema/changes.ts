import type * as Y from 'yjs'
import { objectMapOf, objectMaps, objectsOf } from './boardDoc'
import { isObjectKind, type ObjectKind } from './kinds'

/** What people count as one thing changed: an object (by its kind), or one other setting. */
export type ThingKind = ObjectKind | 'other'

/** One thing a transaction changed: its key (an object id, or where a setting lives) and its kind. */
export interface ChangedThing {
  readonly key: string
  readonly kind: ThingKind
}

/** What waits to be sent, as people count it: how many things, and how many of each kind. */
export interface PendingThings {
  readonly total: number
  readonly byKind: Readonly<Partial<Record<ThingKind, number>>>
}

export const NOTHING_PENDING: PendingThings = { total: 0, byKind: {} }

/** Adds up what several rooms wait to send (their things are distinct: one room holds each). */
export function addPending(a: PendingThings, b: PendingThings): PendingThings {
  if (b.total === 0) return a
  if (a.total === 0) return b
  const byKind: Partial<Record<ThingKind, number>> = { ...a.byKind }
  for (const [kind, n] of Object.entries(b.byKind) as [ThingKind, number][])
    byKind[kind] = (byKind[kind] ?? 0) + n
  return { total: a.total + b.total, byKind }
}

type AnyType = Y.AbstractType<unknown>

/**
 * The things a transaction changed, as a person would count them: every edit inside one object
 * (its text, its colour, its reactions, its deletion) is that object; anything else is one
 * "other" thing per entry of a top-level map (a canvas, a vote) or per top-level list. `known`
 * holds the kinds of objects seen before; it is kept up to date here, so that an object deleted
 * in this transaction is still counted by its kind.
 */
export function changedThings(tr: Y.Transaction, known: Map<string, ObjectKind>): ChangedThing[] {
  const objects = objectsOf(tr.doc) as unknown as AnyType
  const things = new Map<string, ThingKind>()
  const object = (id: string) => {
    const kind = objectMapOf(tr.doc, id)?.get('kind')
    if (isObjectKind(kind)) known.set(id, kind)
    things.set(id, known.get(id) ?? 'other')
  }
  for (const [type, keys] of tr.changed as Map<AnyType, Set<string | null>>) {
    if (type === objects) {
      for (const key of keys) if (key !== null) object(key)
      continue
    }
    // up to the entry directly under a top-level type: the object, or the setting
    let entry = type
    while (entry._item && entry._item.parent !== null && (entry._item.parent as AnyType)._item) {
      entry = entry._item.parent as AnyType
    }
    const item = entry._item
    if (item && item.parent === objects && item.parentSub !== null) object(item.parentSub)
    else if (item) things.set(`${rootName(tr.doc, item.parent as AnyType)}/${item.parentSub ?? ''}`, 'other')
    else for (const key of keys) things.set(`${rootName(tr.doc, type)}/${key ?? ''}`, 'other')
  }
  return [...things].map(([key, kind]) => ({ key, kind }))
}

/** The name a top-level type is shared under. */
function rootName(doc: Y.Doc, root: AnyType): string {
  for (const [name, type] of doc.share) if (type === root) return name
  return '?'
}

/** The kinds of the objects a document holds now (to count those deleted later by their kind). */
export function kindsNow(doc: Y.Doc): Map<string, ObjectKind> {
  const known = new Map<string, ObjectKind>()
  for (const [id, object] of objectMaps(doc)) {
    const kind = object.get('kind')
    if (isObjectKind(kind)) known.set(id, kind)
  }
  return known
}

/** Remembers the kinds of the objects a transaction (anyone's) added or changed. */
export function learnKinds(tr: Y.Transaction, known: Map<string, ObjectKind>): void {
  changedThings(tr, known)
}
