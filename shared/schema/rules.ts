import { OWNER_PATTERN, type Role } from '../rooms'
import { isClosedSpace, type GroupSpaces } from './groups'
import { KINDS, isObjectKind } from './kinds'

/**
 * The board's rules: who may create, change and delete what. One declaration, read by the relay
 * (which refuses any update that breaks it, server/relay/rules) and by the interface (which offers
 * only what a person may do, so an honest client never sends an update the server refuses).
 *
 * Every field of an object is in one class:
 * - fixed: set when the object is created, never changed (kind, id, author, creation time);
 * - facilitator: changed by facilitators only (hidden, locked);
 * - author: changed by the object's author only (consent; a kind adds its own, e.g. a recipe's credits);
 * - author-or-facilitator: changed by the object's author or a facilitator only, never by anyone
 *   else who may edit it (a content note: a stranger must not be able to remove the warning);
 * - reactions: each person adds and removes only their own reaction;
 * - open: changed by anyone who may change the object (position, size, text, colour…).
 * Who may change an object: facilitators always; others not while it is locked, and only their own
 * objects while the session protects contributions.
 */
export type FieldClass = 'fixed' | 'facilitator' | 'author' | 'author-or-facilitator' | 'reactions' | 'open'

const BASE_FIELDS: Readonly<Record<string, FieldClass>> = {
  id: 'fixed',
  kind: 'fixed',
  v: 'fixed',
  createdBy: 'fixed',
  author: 'fixed',
  createdAt: 'fixed',
  hidden: 'facilitator',
  locked: 'facilitator',
  consent: 'author',
  contentNote: 'author-or-facilitator',
  // a quote is picked out for the report: the words' author or a facilitator chooses, no one else
  quote: 'author-or-facilitator',
  reactions: 'reactions',
  canvas: 'open',
  x: 'open',
  y: 'open',
  rotation: 'open',
  z: 'open',
  lang: 'open',
  text: 'open',
}

/** The person writing: their role, who they are (their owner id; '' when unknown), and the session's setting. */
export interface Writer {
  readonly role: Role
  readonly self: string
  /** The session protects contributions: participants change and delete only what they added. */
  readonly protect: boolean
  /** While small groups run: the other groups' spaces, closed to this person (absent: none closed). */
  readonly spaces?: GroupSpaces | null
  /**
   * The names this person may credit a new object to (its `author`): theirs as the server knows
   * it, now and earlier on this connection. Absent: not checked (the interface, writing its own).
   */
  readonly names?: readonly string[]
  /**
   * For someone without a token: the names they may not credit (admitted people's), asked with a
   * name as written (the server compares names as it does everywhere: server/names.ts).
   */
  readonly takenNames?: { has(name: string): boolean }
  /** While dot voting is open, each person's budget of votes; absent or null: voting is closed. */
  readonly voteBudget?: number | null
}

/** What the rules need to know of an existing object. */
export interface ObjectFacts {
  readonly kind: string
  readonly createdBy: string
  readonly locked: boolean
}

/** Why a change is refused. */
export type RuleCode =
  | 'read-only'
  | 'locked'
  | 'protected'
  | 'fixed'
  | 'facilitator-only'
  | 'author-only'
  | 'not-yours'
  | 'not-allowed'
  | 'unknown-field'
  | 'invalid'
  | 'too-deep'
  | 'too-big'
  | 'room-full'
  | 'share-full'
  | 'unknown-items'
  | 'other-group'

export interface Refusal {
  readonly code: RuleCode
  /** The object concerned, when there is one. */
  readonly object?: string
  readonly field?: string
  /** A short technical detail (for logs and tests; people are shown a sentence made from `code`). */
  readonly detail?: string
}

/**
 * May this be a key the document's maps are read by (an object's id, a vote's)? Not a name of
 * Object.prototype's: read into a plain object, `__proto__` or `valueOf` would be that object's own
 * machinery, not an entry (an export's vote counts read "[object Object]").
 */
export const isSafeKey = (key: string): boolean => !(key in Object.prototype)

/** An object's id: 1 to 64 characters, a safe key. */
export const isObjectId = (id: string): boolean => id.length > 0 && id.length <= 64 && isSafeKey(id)

/** The class of a field of an object of this kind, or null when the kind has no such field. */
export function fieldClass(kind: string, field: string): FieldClass | null {
  const base = Object.prototype.hasOwnProperty.call(BASE_FIELDS, field) ? BASE_FIELDS[field] : undefined
  if (base) return base
  if (!isObjectKind(kind)) return null
  const def = KINDS[kind]
  if (!Object.prototype.hasOwnProperty.call(def.props.shape, field)) return null
  if (def.access.authorProps?.includes(field)) return 'author'
  if (def.access.facilitatorProps?.includes(field)) return 'facilitator'
  return 'open'
}

/** Is this person the object's author? (An unknown person is nobody's author.) */
export const isAuthor = (writer: Writer, object: ObjectFacts): boolean =>
  writer.self !== '' && object.createdBy === writer.self

/**
 * May this person create an object of this kind, made by `createdBy` and credited to `author`? A
 * facilitator may restore anyone's object (undo of a removal). Anyone else creates only as
 * themselves: someone with a token under their own id (so "Remove everything I added" and a
 * facilitator's removal find it) and their own name or none; someone without one (a stock
 * y-websocket client) under an id no token proves, and never crediting an admitted person.
 */
export function mayCreate(writer: Writer, kind: string, createdBy: string, author = ''): Refusal | null {
  if (writer.role === 'viewer') return { code: 'read-only' }
  if (!isObjectKind(kind)) return { code: 'invalid', detail: `unknown kind "${kind}"` }
  if (!KINDS[kind].access.create.includes(writer.role)) return { code: 'not-allowed' }
  if (writer.role === 'facilitator') return null
  if (writer.self !== '' ? createdBy !== writer.self : OWNER_PATTERN.test(createdBy))
    return { code: 'not-yours', field: 'createdBy' }
  if (author !== '' && writer.names && !writer.names.includes(author))
    return { code: 'not-yours', field: 'author', detail: 'credited to someone else' }
  if (author !== '' && writer.takenNames?.has(author))
    return { code: 'not-yours', field: 'author', detail: 'credited to someone admitted' }
  return null
}

/** May this person change the object at all (its open fields)? */
export function mayEdit(writer: Writer, object: ObjectFacts): Refusal | null {
  if (writer.role === 'viewer') return { code: 'read-only' }
  if (writer.role === 'facilitator') return null
  if (object.locked) return { code: 'locked' }
  if (writer.protect && !isAuthor(writer, object)) return { code: 'protected' }
  return null
}

/** May this person change this field of the object? */
export function mayChange(writer: Writer, object: ObjectFacts, field: string): Refusal | null {
  const cls = fieldClass(object.kind, field)
  if (cls === null) return { code: 'unknown-field', field }
  if (writer.role === 'viewer') return { code: 'read-only' }
  switch (cls) {
    case 'fixed':
      return { code: 'fixed', field }
    case 'facilitator':
      return writer.role === 'facilitator' ? null : { code: 'facilitator-only', field }
    case 'author':
      return isAuthor(writer, object) ? null : { code: 'author-only', field }
    case 'author-or-facilitator':
      return writer.role === 'facilitator' || isAuthor(writer, object)
        ? null
        : { code: 'author-only', field, detail: 'the author or a facilitator only' }
    case 'reactions':
      return null // each reaction is checked on its own: mayReact
    case 'open':
      return mayEdit(writer, object)
  }
}

/** May this person delete the object? */
export const mayDelete = (writer: Writer, object: ObjectFacts): Refusal | null => mayEdit(writer, object)

/** May this person add or take back the reaction stored under `key` (`<emoji> <person>`)? */
export function mayReact(writer: Writer, key: string): Refusal | null {
  if (writer.role === 'viewer') return { code: 'read-only' }
  if (writer.role === 'facilitator') return null
  return writer.self !== '' && key.endsWith(` ${writer.self}`)
    ? null
    : { code: 'not-yours', field: 'reactions' }
}

/**
 * May this person write on this canvas? While small groups run, a participant writes only in their
 * own group's space (and on canvases no group has), unless the facilitator allows visiting.
 */
export function mayWriteOn(writer: Writer, canvas: unknown): Refusal | null {
  if (writer.role === 'facilitator' || typeof canvas !== 'string') return null
  return isClosedSpace(writer.spaces, canvas) ? { code: 'other-group', field: 'canvas' } : null
}
