import * as Y from 'yjs'
import {
  BASE_FIELD_SCHEMAS,
  REACTIONS,
  REACTIONS_KEY,
  TEXT_KEY,
  checkNewObjectFields,
  objectsOf,
} from './boardDoc'
import { KINDS, isObjectKind } from './kinds'
import { LIMITS } from './limits'
import { typeNestsDeeperThan } from './nesting'
import {
  fieldClass,
  isObjectId,
  mayChange,
  mayCreate,
  mayDelete,
  mayReact,
  mayWriteOn,
  type ObjectFacts,
  type Refusal,
  type Writer,
} from './rules'
import type { Change, Content } from './updateChanges'

/*
 * The rules of a document of objects (the board, and each private room): every change an update
 * makes under `objects`, resolved to (object, field), is checked against the kinds' declarations and
 * the board's rules (rules.ts). Paths: [objects, id] is an object, [objects, id, field] a field's
 * value, [objects, id, text, …] its rich text, [objects, id, reactions, key] one reaction.
 */

/** Levels of rich text below an object's `text` fragment: elements nested to the cap, then their text. */
const MAX_TEXT_LEVELS = LIMITS.richTextMaxDepth + 1

type TypeTag = 'map' | 'xml-fragment' | 'other-type'

/** A value as an object's map holds it: a plain value, or a type. */
type FieldValue = { plain: unknown } | { type: TypeTag }

function typeTag(type: unknown): TypeTag {
  if (type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement)) return 'xml-fragment'
  if (type instanceof Y.Map) return 'map'
  return 'other-type'
}

/** The single value a map entry holds, or null when the content is not one (several values, binary…). */
function fieldValue(content: Content): FieldValue | null {
  if (content instanceof Y.ContentAny) return content.arr.length === 1 ? { plain: content.arr[0] } : null
  if (content instanceof Y.ContentType) return { type: typeTag(content.type) }
  return null
}

/** Does this content remove what it lands on (deleted content), rather than hold a value? */
const removes = (change: Change): boolean =>
  change.op === 'delete' || change.deleted || change.content instanceof Y.ContentDeleted

function factsOf(map: Y.Map<unknown> | undefined): ObjectFacts | null {
  if (!(map instanceof Y.Map)) return null
  const kind = map.get('kind')
  const createdBy = map.get('createdBy')
  return {
    kind: typeof kind === 'string' ? kind : '',
    createdBy: typeof createdBy === 'string' ? createdBy : '',
    locked: map.get('locked') === true,
  }
}

/** An own entry of a declaration (never one of Object.prototype's: a field named `constructor` is no field). */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined

/** May this plain value be written in this field of an object of this kind? */
function validValue(kind: string, field: string, value: unknown): boolean {
  const base = own(BASE_FIELD_SCHEMAS, field)
  if (base) return base.safeParse(value).success
  if (!isObjectKind(kind)) return false
  const shape = KINDS[kind].props.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>
  const schema = own(shape, field)
  return schema !== undefined && schema.safeParse(value).success
}

/** May the field be removed (it falls back to a default), rather than be required? */
function removable(kind: string, field: string): boolean {
  const base = own(BASE_FIELD_SCHEMAS, field)
  if (base) return base.safeParse(undefined).success
  return isObjectKind(kind) && Object.prototype.hasOwnProperty.call(KINDS[kind].props.shape, field)
}

/** What text may hold: elements and text of the editor, their attributes and formatting, deleted stretches. */
function textContentOk(content: Content): boolean {
  if (content instanceof Y.ContentType)
    return content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText
  return (
    content instanceof Y.ContentString ||
    content instanceof Y.ContentFormat ||
    content instanceof Y.ContentAny ||
    content instanceof Y.ContentEmbed ||
    content instanceof Y.ContentDeleted
  )
}

interface NewObject {
  /** Each field's one value (a new object's field is written once: see collectNewField). */
  readonly fields: Map<string, FieldValue>
}

/** Checks every change under `objects`; the first refusal found, or null when all hold. */
export function checkObjectChanges(doc: Y.Doc, changes: readonly Change[], writer: Writer): Refusal | null {
  const objects = objectsOf(doc)
  const created = new Map<string, NewObject>()
  // a field set anew deletes its old value in the same update: that deletion is no removal (the
  // old value's id, client → clocks; a value written after an item lands where that item is)
  const written = new Map<number, Set<number>>()
  // removing an object removes everything in it: those deletions are part of the one removal
  const removed = new Set<unknown>()
  for (const c of changes) {
    // only a value written right after the one it replaces (as Y.Map#set writes it) is sure to win
    if (c.at.path.length === 3 && c.op === 'insert' && !removes(c) && c.origin) {
      const clocks = written.get(c.origin.client)
      if (clocks) clocks.add(c.origin.clock)
      else written.set(c.origin.client, new Set([c.origin.clock]))
    }
    if (c.at.path.length === 2 && c.op === 'delete') removed.add(c.at.path[1])
    // the objects this update creates, found first: an update lists its structs by client, so an
    // object's fields can come before the object itself
    const id = c.at.path[1]
    if (c.at.path.length === 2 && c.op === 'insert' && !removes(c) && !c.at.dead && typeof id === 'string') {
      if (created.has(id)) return { code: 'invalid', object: id, detail: 'two objects at one id' }
      created.set(id, { fields: new Map() })
    }
  }
  for (const change of changes) {
    const { path, fresh, dead } = change.at
    if (dead) continue // lands in removed content: nobody will ever read it
    const id = path[1]
    if (typeof id !== 'string') return { code: 'invalid', detail: 'objects is a map of objects' }
    const current = objects.get(id)
    if (path.length === 2) {
      const refusal = checkObjectEntry(change, id, current, writer)
      if (refusal) return refusal
      continue
    }
    const field = path[2]
    if (typeof field !== 'string')
      return { code: 'invalid', object: id, detail: 'an object is a map of fields' }
    if (fresh[1]) {
      // part of an object this update creates: checked whole below
      const refusal = collectNewField(change, id, field, created, writer)
      if (refusal) return refusal
      continue
    }
    const facts = factsOf(current)
    if (!facts) continue // not the object at that id any more: changes nothing readable
    const closed = mayWriteOn(writer, current!.get('canvas'))
    if (closed) return { ...closed, object: id }
    if (removed.has(id) && change.op === 'delete') continue
    if (
      path.length === 3 &&
      change.op === 'delete' &&
      written.get(change.last.client)?.has(change.last.clock)
    )
      continue
    const refusal =
      path.length === 3
        ? checkField(change, id, field, facts, current!, writer)
        : checkDeep(change, id, facts, writer)
    if (refusal) return refusal
  }
  for (const [id, object] of created) {
    const refusal = checkNewObject(id, object, writer)
    if (refusal) return refusal
  }
  return null
}

/** An object itself: created (a map, at a free id), removed, or replaced (never). */
function checkObjectEntry(
  change: Change,
  id: string,
  current: Y.Map<unknown> | undefined,
  writer: Writer,
): Refusal | null {
  const facts = factsOf(current)
  if (change.op === 'delete') {
    if (!facts) return null
    if (tooDeepToDelete(change))
      return { code: 'too-deep', object: id, detail: 'nested too deeply to remove' }
    return refuseFor(mayWriteOn(writer, current!.get('canvas')) ?? mayDelete(writer, facts), id)
  }
  if (facts) {
    // writing at the id of a live object replaces it: remove it first, with its own id kept
    return { code: 'fixed', object: id, field: 'id', detail: 'an object cannot be replaced' }
  }
  if (removes(change)) return null // created and removed in one go
  if (!(change.content instanceof Y.ContentType) || typeTag(change.content.type) !== 'map')
    return { code: 'invalid', object: id, detail: 'an object must be a map' }
  if (!isObjectId(id)) return { code: 'invalid', object: id, detail: 'bad object id' }
  return null
}

function collectNewField(
  change: Change,
  id: string,
  field: string,
  created: Map<string, NewObject>,
  writer: Writer,
): Refusal | null {
  const object = created.get(id)
  if (!object) return null // its object is removed in this update too (dead content)
  const { path } = change.at
  if (path.length > 3) return checkNewContent(change, id, field, writer)
  if (removes(change)) return null
  const value = change.op === 'insert' ? fieldValue(change.content) : null
  if (!value) return { code: 'invalid', object: id, field, detail: 'not a single value' }
  // An honest writer's later value of a field deletes the earlier one in the same update, so a new
  // object holds one live value per field. Two are a crafted race: Yjs keeps one of them by client
  // id, not the one checked, so a decoy could carry in another person's name or a hidden flag.
  if (object.fields.has(field))
    return { code: 'invalid', object: id, field, detail: 'a field written twice at once' }
  object.fields.set(field, value)
  return null
}

/** Content inside a new object's text or reactions, written in the update that creates it. */
function checkNewContent(change: Change, id: string, field: string, writer: Writer): Refusal | null {
  if (field === TEXT_KEY) return checkText(change, id)
  if (field === REACTIONS_KEY) {
    // a new object comes with its maker's reactions only (a facilitator may restore anyone's)
    const refusal = checkReactionShape(change, id) ?? mayReact(writer, change.at.path[3] as string)
    return refusal ? { ...refusal, object: id } : null
  }
  return { code: 'invalid', object: id, field, detail: 'a plain field holds no content' }
}

function checkNewObject(id: string, object: NewObject, writer: Writer): Refusal | null {
  const plain: Record<string, unknown> = {}
  let text: TypeTag | undefined
  let reactions: TypeTag | undefined
  for (const [field, value] of object.fields) {
    if (field === TEXT_KEY) text = 'type' in value ? value.type : 'other-type'
    else if (field === REACTIONS_KEY) reactions = 'type' in value ? value.type : 'other-type'
    else if ('type' in value)
      return { code: 'invalid', object: id, field, detail: 'a plain field holds a type' }
    else plain[field] = value.plain
  }
  if (plain.id !== id) return { code: 'invalid', object: id, field: 'id', detail: 'id differs from its key' }
  const kind = typeof plain.kind === 'string' ? plain.kind : ''
  const problem = checkNewObjectFields(plain)
  if (problem) return { code: 'invalid', object: id, detail: problem }
  const refusal =
    mayCreate(
      writer,
      kind,
      typeof plain.createdBy === 'string' ? plain.createdBy : '',
      typeof plain.author === 'string' ? plain.author : '',
    ) ?? mayWriteOn(writer, plain.canvas)
  if (refusal) return { ...refusal, object: id }
  if (writer.role !== 'facilitator') {
    // a new object starts unlocked and shown: locking and hiding are the facilitators' to do
    for (const [field, value] of Object.entries(plain))
      if (fieldClass(kind, field) === 'facilitator' && value !== false)
        return { code: 'facilitator-only', object: id, field }
  }
  if (text !== undefined && (text !== 'xml-fragment' || !isObjectKind(kind) || !KINDS[kind].richText))
    return {
      code: 'invalid',
      object: id,
      field: TEXT_KEY,
      detail: 'text must be rich text of a kind that has it',
    }
  if (reactions !== undefined && reactions !== 'map')
    return { code: 'invalid', object: id, field: REACTIONS_KEY, detail: 'reactions must be a map' }
  return null
}

/** A field of an existing object set or removed. */
function checkField(
  change: Change,
  id: string,
  field: string,
  facts: ObjectFacts,
  current: Y.Map<unknown>,
  writer: Writer,
): Refusal | null {
  if (field === TEXT_KEY)
    return { code: 'fixed', object: id, field, detail: 'the text is edited, not replaced' }
  if (field === REACTIONS_KEY) {
    // the reactions map is made by the first reaction; never replaced or removed
    if (removes(change) || current.get(REACTIONS_KEY) instanceof Y.Map)
      return { code: 'fixed', object: id, field, detail: 'reactions are given one by one' }
    const value = change.op === 'insert' ? fieldValue(change.content) : null
    return value && 'type' in value && value.type === 'map'
      ? null
      : { code: 'invalid', object: id, field, detail: 'reactions must be a map' }
  }
  const refusal = mayChange(writer, facts, field)
  if (refusal) return { ...refusal, object: id, field }
  if (removes(change))
    return removable(facts.kind, field)
      ? null
      : { code: 'invalid', object: id, field, detail: 'a required field' }
  const value = change.op === 'insert' ? fieldValue(change.content) : null
  if (!value || 'type' in value || !validValue(facts.kind, field, value.plain))
    return { code: 'invalid', object: id, field, detail: `not a valid ${field}` }
  // moving an object onto another group's canvas writes into that group's space
  return field === 'canvas' ? refuseFor(mayWriteOn(writer, value.plain), id) : null
}

/** Inside an existing object's text (an edit) or reactions (one person's reaction). */
function checkDeep(change: Change, id: string, facts: ObjectFacts, writer: Writer): Refusal | null {
  const field = change.at.path[2] as string
  if (field === TEXT_KEY) {
    const refusal = mayChange(writer, facts, TEXT_KEY)
    return refusal ? { ...refusal, object: id, field } : checkText(change, id)
  }
  if (field === REACTIONS_KEY) {
    const shape = checkReactionShape(change, id)
    if (shape) return shape
    const refusal = mayReact(writer, change.at.path[3] as string)
    return refusal ? { ...refusal, object: id } : null
  }
  return { code: 'invalid', object: id, field, detail: 'a plain field holds no content' }
}

/**
 * Would removing this make Yjs recurse past what is safe? Yjs deletes a type's children recursively;
 * a document written before the relay checked nesting may hold something thousands deep.
 */
const tooDeepToDelete = (change: Change): boolean =>
  change.op === 'delete' &&
  change.content instanceof Y.ContentType &&
  typeNestsDeeperThan(change.content.type, LIMITS.richTextMaxDepth + 8)

function checkText(change: Change, id: string): Refusal | null {
  if (tooDeepToDelete(change))
    return { code: 'too-deep', object: id, field: TEXT_KEY, detail: 'nested too deeply to remove' }
  const levels = change.at.path.length - 3
  if (levels > MAX_TEXT_LEVELS)
    return {
      code: 'too-deep',
      object: id,
      field: TEXT_KEY,
      detail: `text nests deeper than ${LIMITS.richTextMaxDepth}`,
    }
  if (change.op === 'insert' && !textContentOk(change.content))
    return { code: 'invalid', object: id, field: TEXT_KEY, detail: 'not rich text' }
  return null
}

/** One reaction: `<emoji> <person>` → true, for the fixed set of reactions. */
function checkReactionShape(change: Change, id: string): Refusal | null {
  const { path } = change.at
  const key = path[3]
  const bad = { code: 'invalid' as const, object: id, field: REACTIONS_KEY, detail: 'not a reaction' }
  if (path.length !== 4 || typeof key !== 'string' || key.length > 100) return bad
  const space = key.indexOf(' ')
  if (space < 0 || !(REACTIONS as readonly string[]).includes(key.slice(0, space))) return bad
  if (removes(change)) return null
  const value = change.op === 'insert' ? fieldValue(change.content) : null
  return value && 'plain' in value && value.plain === true ? null : bad
}

const refuseFor = (refusal: Refusal | null, id: string): Refusal | null =>
  refusal ? { ...refusal, object: id } : null
