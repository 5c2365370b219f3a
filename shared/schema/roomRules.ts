import * as Y from 'yjs'
import type { RoomKind } from '../rooms'
import { myVotesOf } from './facilitation'
import { GROUPS_MAX, groupsOf, validBreakout, validGroup, validMember } from './groups'
import { checkObjectChanges } from './objectRules'
import { isSafeKey, type Refusal, type Writer } from './rules'
import { updateChanges, type Change, type DecodedUpdate } from './updateChanges'

/*
 * The declaration of each kind of room's document: which root types it has and what each holds.
 * An update is resolved to the paths it changes (updateChanges.ts) and refused whole if any change
 * breaks its room's declaration. Objects (the board, private rooms) follow the kinds and the board's
 * rules (objectRules.ts); the other roots are declared here.
 */

type RootCheck = (changes: readonly Change[], writer: Writer, doc: Y.Doc) => Refusal | null

/** The single plain value a change writes, or undefined for a removal or anything else. */
function plainValue(change: Change): unknown {
  if (change.op !== 'insert' || change.deleted) return undefined
  const content = change.content
  return content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined
}

const isRemoval = (change: Change): boolean =>
  change.op === 'delete' ||
  change.deleted ||
  (change.op === 'insert' && change.content instanceof Y.ContentDeleted)

/** A map of plain values at the root, each checked by `valid` (removing an entry is always allowed). */
const plainMap =
  (valid: (key: string, value: unknown) => boolean, who: 'facilitator' | 'anyone' = 'anyone'): RootCheck =>
  (changes, writer) => {
    if (who === 'facilitator' && writer.role !== 'facilitator') return { code: 'facilitator-only' }
    // an honest writer's later value deletes the earlier one in the same update: two live values
    // for one key are a crafted race, whose winner (by client id) is not the one checked last
    const written = new Set<string>()
    for (const change of changes) {
      if (change.at.dead) continue
      const key = change.at.path[1]
      if (change.at.path.length !== 2 || typeof key !== 'string' || key.length > 64)
        return { code: 'invalid', detail: `${String(change.at.path[0])} holds plain entries` }
      if (isRemoval(change)) continue
      if (!isSafeKey(key)) return { code: 'invalid', field: key, detail: 'not a key an entry may have' }
      if (written.has(key)) return { code: 'invalid', field: key, detail: 'an entry written twice at once' }
      written.add(key)
      if (!valid(key, plainValue(change)))
        return { code: 'invalid', field: key, detail: `not a valid ${String(change.at.path[0])} entry` }
    }
    return null
  }

/** A root only facilitators write, of any shape within the nesting cap (read defensively). */
const facilitatorsOnly: RootCheck = (changes, writer) => {
  if (writer.role !== 'facilitator') return { code: 'facilitator-only' }
  for (const change of changes)
    if (change.at.path.length > 8) return { code: 'too-deep', detail: 'nested too deeply' }
  return null
}

/** A root only the server writes (its own writes are not checked): every client's write is refused. */
const serverOnly: RootCheck = () => ({ code: 'not-allowed', detail: 'written by the server only' })

const SESSION_KEYS = new Set([
  'title',
  'template',
  'locked',
  'langs',
  'step',
  'mode',
  'privateBy',
  'anonymous',
  'voteBudget',
  'timer',
  'summon',
  'protect',
  'admit',
])

const sessionMap: RootCheck = (changes, writer, doc) => {
  const base = facilitatorsOnly(changes, writer, doc)
  if (base) return base
  for (const change of changes) {
    const key = change.at.path[1]
    if (typeof key !== 'string' || !SESSION_KEYS.has(key))
      return { code: 'unknown-field', field: String(key), detail: 'not a session setting' }
  }
  return null
}

const voteCount = (_key: string, value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50

/**
 * A person's votes (their private room's `votes`: object id → votes given): given only while dot
 * voting is open, and never more in all than the budget. Taking votes back is always allowed.
 */
const votesMap: RootCheck = (changes, writer, doc) => {
  const base = plainMap(voteCount)(changes, writer, doc)
  if (base) return base
  const given = new Map<string, number>()
  const taken = new Set<string>()
  for (const change of changes) {
    if (change.at.dead) continue
    const key = change.at.path[1] as string
    if (isRemoval(change)) taken.add(key)
    else given.set(key, plainValue(change) as number)
  }
  if (given.size === 0) return null
  if (writer.voteBudget === null || writer.voteBudget === undefined)
    return { code: 'not-allowed', field: 'votes', detail: 'voting is not open' }
  let total = 0
  for (const [key, n] of myVotesOf(doc).entries())
    if (!given.has(key) && !taken.has(key) && typeof n === 'number') total += n
  for (const n of given.values()) total += n
  return total > writer.voteBudget
    ? { code: 'not-allowed', field: 'votes', detail: `at most ${writer.voteBudget} votes` }
    : null
}

/** The groups: each entry valid, and never more than GROUPS_MAX of them. */
const groupsMap: RootCheck = (changes, writer, doc) => {
  const base = plainMap(validGroup, 'facilitator')(changes, writer, doc)
  if (base) return base
  const ids = new Set(groupsOf(doc).keys())
  for (const change of changes) {
    const key = change.at.path[1] as string
    if (isRemoval(change)) ids.delete(key)
    else ids.add(key)
  }
  return ids.size > GROUPS_MAX ? { code: 'invalid', detail: `at most ${GROUPS_MAX} groups` } : null
}

const objects: RootCheck = () => null // checked together with the document (objectRules)

/** Each room kind's roots and how each is checked. */
export const ROOM_ROOTS: Readonly<Record<RoomKind, Readonly<Record<string, RootCheck>>>> = {
  board: {
    objects,
    // the schema version (shared/schema/migrations.ts): stamped and upgraded by the server alone
    meta: serverOnly,
  },
  private: { objects, votes: votesMap, meta: serverOnly },
  control: {
    session: sessionMap,
    commitments: facilitatorsOnly,
    canvases: facilitatorsOnly,
    agenda: facilitatorsOnly,
    results: facilitatorsOnly,
    // one answer per person, written by the server for admitted people (POST /answer, /join)
    answers: serverOnly,
    removed: serverOnly,
    meta: serverOnly,
    // small groups (groups.ts): the facilitators' alone; a person's own choice is written by the server
    groups: groupsMap,
    groupOf: plainMap(validMember, 'facilitator'),
    breakout: plainMap(validBreakout, 'facilitator'),
  },
  facilitator: {
    guidance: plainMap((_key, value) => typeof value === 'string' && value.length <= 4000, 'facilitator'),
    lobby: serverOnly,
    meta: serverOnly,
  },
}

/**
 * Checks an update to a room's document before it is applied: null when every change it makes keeps
 * the room's rules, else the first refusal (the whole update is then refused).
 */
export function checkRoomUpdate(
  kind: RoomKind,
  doc: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  decoded?: DecodedUpdate,
): Refusal | null {
  if (writer.role === 'viewer') return { code: 'read-only' }
  const resolved = updateChanges(doc, update, decoded)
  if ('problem' in resolved) {
    const code =
      resolved.problem === 'too-deep'
        ? 'too-deep'
        : resolved.problem === 'missing'
          ? 'unknown-items'
          : 'invalid'
    return { code, detail: resolved.detail }
  }
  const roots = ROOM_ROOTS[kind]
  const byRoot = new Map<string, Change[]>()
  for (const change of resolved.changes) {
    const root = change.at.path[0]
    if (change.at.dead || root === undefined) continue
    if (typeof root !== 'string' || !Object.prototype.hasOwnProperty.call(roots, root))
      return { code: 'invalid', detail: `this room has no "${String(root)}"` }
    let list = byRoot.get(root)
    if (!list) byRoot.set(root, (list = []))
    list.push(change)
  }
  for (const [root, changes] of byRoot) {
    const refusal = roots[root]!(changes, writer, doc)
    if (refusal) return refusal
  }
  const objectChanges = byRoot.get('objects')
  return objectChanges ? checkObjectChanges(doc, objectChanges, writer) : null
}
