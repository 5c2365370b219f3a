import * as Y from 'yjs'
import {
  objectMapOf,
  objectMaps,
  objectsOf,
  REACTIONS,
  REACTIONS_KEY,
  type Reaction,
} from '../schema/boardDoc'
import { mayDelete, type ObjectFacts, type Writer } from '../schema/rules'
import type { Origin } from './origin'

/**
 * What people do with contributions beyond writing them: react, say whether their own notes may
 * leave the room in exports, hide notes (a facilitator's moderation), and take back all they added.
 */

/** Gives or takes back this person's reaction on an object; returns whether it is now given. */
export function toggleReaction(doc: Y.Doc, id: string, emoji: Reaction, origin: Origin): boolean {
  if (!(REACTIONS as readonly string[]).includes(emoji)) return false
  const obj = objectMapOf(doc, id)
  if (!obj) return false
  const key = `${emoji} ${origin.userId}`
  let given = false
  doc.transact(() => {
    let reactions = obj.get(REACTIONS_KEY)
    if (!(reactions instanceof Y.Map)) {
      reactions = new Y.Map<unknown>()
      obj.set(REACTIONS_KEY, reactions)
    }
    const map = reactions as Y.Map<unknown>
    if (map.has(key)) map.delete(key)
    else {
      map.set(key, true)
      given = true
    }
  }, origin)
  return given
}

/** Sets whether objects may be included in exports; only the author's own objects change. */
export function setConsent(doc: Y.Doc, ids: readonly string[], consent: boolean, origin: Origin): void {
  doc.transact(() => {
    for (const id of ids) {
      const obj = objectMapOf(doc, id)
      if (obj && obj.get('createdBy') === origin.userId) obj.set('consent', consent)
    }
  }, origin)
}

/** Hides objects from participants or shows them again (facilitators only: the UI offers it to them). */
export function setHidden(doc: Y.Doc, ids: readonly string[], hidden: boolean, origin: Origin): void {
  doc.transact(() => {
    for (const id of ids) objectMapOf(doc, id)?.set('hidden', hidden)
  }, origin)
}

/**
 * Ids of the objects this person made; with `writer`, only those the board's rules let them delete
 * (a note the facilitator locked stays until it is unlocked).
 */
export function myObjectIds(doc: Y.Doc, userId: string, writer?: Writer): string[] {
  return objectMaps(doc)
    .filter(([, o]) => o.get('createdBy') === userId)
    .filter(([, o]) => !writer || mayDelete(writer, factsOf(o)) === null)
    .map(([id]) => id)
}

const factsOf = (o: Y.Map<unknown>): ObjectFacts => ({
  kind: String(o.get('kind')),
  createdBy: String(o.get('createdBy')),
  locked: o.get('locked') === true,
})

/** Deletes every object this person made (and may delete), in one transaction; returns how many went. */
export function removeMyObjects(doc: Y.Doc, origin: Origin, writer?: Writer): number {
  const ids = myObjectIds(doc, origin.userId, writer)
  if (ids.length === 0) return 0
  doc.transact(() => {
    for (const id of ids) objectsOf(doc).delete(id)
  }, origin)
  return ids.length
}
