import type * as Y from 'yjs'
import { objectMapOf } from '../schema/boardDoc'
import { mayChange, type Writer } from '../schema/rules'
import type { Origin } from './origin'

/**
 * Marks notes as quotes (the insight report sets them apart in their theme) or takes the mark off.
 * Only the notes this writer may mark change (their author's and facilitators' choice, as the
 * relay enforces), so one update never mixes allowed and refused changes.
 */
export function setQuote(
  doc: Y.Doc,
  ids: readonly string[],
  quote: boolean,
  writer: Writer,
  origin: Origin,
): number {
  let changed = 0
  doc.transact(() => {
    for (const id of ids) {
      const obj = objectMapOf(doc, id)
      if (!obj) continue // deleted meanwhile
      const facts = {
        kind: String(obj.get('kind')),
        createdBy: String(obj.get('createdBy')),
        locked: obj.get('locked') === true,
      }
      if (mayChange(writer, facts, 'quote') !== null || (obj.get('quote') === true) === quote) continue
      obj.set('quote', quote)
      changed++
    }
  }, origin)
  return changed
}
