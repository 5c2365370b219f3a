import type { BoardObject } from '../../shared/schema/kinds'
import { REACTIONS } from '../../shared/schema/boardDoc'
import { mayChange, mayDelete, mayEdit, mayReact, type Writer } from '../../shared/schema/rules'

/**
 * What this person may do with each object now, read from the board's rules (shared/schema/rules.ts),
 * the same declaration the relay enforces: the interface offers only what the server will keep.
 */
export interface Permissions {
  readonly writer: Writer
  /** Move, resize, restyle, reorder, write in it (its open fields). */
  edit(o: BoardObject): boolean
  delete(o: BoardObject): boolean
  /** Lock or hide it (the facilitators' fields). */
  moderate(o: BoardObject): boolean
  /** Change a field that is its author's alone (consent, a recipe's credits). */
  author(o: BoardObject, field?: string): boolean
  /** Set or clear its content note (its author and facilitators only, even on an open board). */
  contentNote(o: BoardObject): boolean
  /** Give and take back one's own reactions. */
  react(o: BoardObject): boolean
}

/** The permissions of a writer; `readOnly` (a viewer, or a board the facilitator locked) allows nothing. */
export function permissionsFor(writer: Writer, readOnly = false): Permissions {
  const ok = (refusal: unknown) => !readOnly && refusal === null
  return {
    writer,
    edit: (o) => ok(mayEdit(writer, o)),
    delete: (o) => ok(mayDelete(writer, o)),
    moderate: (o) => ok(mayChange(writer, o, 'locked')),
    author: (o, field = 'consent') => ok(mayChange(writer, o, field)),
    contentNote: (o) => ok(mayChange(writer, o, 'contentNote')),
    react: () => ok(mayReact(writer, `${REACTIONS[0]} ${writer.self}`)),
  }
}
