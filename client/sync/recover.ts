import * as Y from 'yjs'
import { objectsOf, REACTIONS_KEY, TEXT_KEY } from '../../shared/schema/boardDoc'
import { fieldClass, type RuleCode } from '../../shared/schema/rules'

/**
 * After the server refused a change, the client's document holds something the server will never
 * take, and every later change of this client depends on it (Yjs numbers a client's changes in one
 * row), so the server refuses those too. The connection then starts afresh from the server's
 * document (roomConnection.ts) and this file carries this person's other unsent work across: what
 * their unacknowledged changes touched, except the refused object, is made the same in the fresh
 * document as in the old one.
 */

/** What the relay says when it refuses an update (server/relay/connection.ts, refusalReason). */
export interface RefusalReason {
  readonly code: RuleCode
  readonly object?: string
  readonly field?: string
  /** Per client id, the clocks [from, to) the refused update spans. */
  readonly spans: Readonly<Record<string, readonly [number, number]>>
}

const CODES: ReadonlySet<string> = new Set<RuleCode>([
  'read-only',
  'locked',
  'protected',
  'fixed',
  'facilitator-only',
  'author-only',
  'not-yours',
  'not-allowed',
  'unknown-field',
  'invalid',
  'too-deep',
  'too-big',
  'room-full',
  'share-full',
  'unknown-items',
  'other-group',
])

/** Reads a permission-denied reason; an unreadable one is still a refusal (of an unknown kind: 'invalid'). */
export function parseRefusal(reason: string): RefusalReason {
  try {
    const value = JSON.parse(reason) as Record<string, unknown>
    const code =
      typeof value.code === 'string' && CODES.has(value.code) ? (value.code as RuleCode) : 'invalid'
    const spans =
      value.spans && typeof value.spans === 'object' ? (value.spans as Record<string, [number, number]>) : {}
    return {
      code,
      object: typeof value.object === 'string' ? value.object : undefined,
      field: typeof value.field === 'string' ? value.field : undefined,
      spans,
    }
  } catch {
    return { code: 'invalid', spans: {} }
  }
}

export interface ReplayOptions {
  /** The refused object: left as the server has it. */
  readonly skip?: string
  /** This person's owner id: only their own objects are created again, only their reactions copied. */
  readonly self: string
  /** The origin of the replaying transaction. */
  readonly origin: unknown
}

/**
 * Makes each thing in `keys` (object ids, and `root/entry` for a plain entry of a top-level map, as
 * unsent.ts names them) in `to` the same as in `from`: objects this person created that `to` lacks
 * are created again (every field and the rich text cloned), objects in both get the fields that differ,
 * objects gone from `from` are deleted. Returns how many things it changed.
 */
export function replayOwnWork(
  from: Y.Doc,
  to: Y.Doc,
  keys: Iterable<string>,
  options: ReplayOptions,
): number {
  let changed = 0
  to.transact(() => {
    for (const key of keys) {
      if (key === options.skip) continue
      const slash = key.indexOf('/')
      const did = slash < 0 ? replayObject(from, to, key, options.self) : replayEntry(from, to, key, slash)
      if (did) changed += 1
    }
  }, options.origin)
  return changed
}

type YObject = Y.Map<unknown>

function replayObject(from: Y.Doc, to: Y.Doc, id: string, self: string): boolean {
  const old: YObject | undefined = objectsOf(from).get(id)
  const objects = objectsOf(to)
  const now: YObject | undefined = objects.get(id)
  if (!old) {
    if (!now) return false
    objects.delete(id) // this person removed it
    return true
  }
  if (!now) {
    // never on the server: theirs to make again (someone else's object removed meanwhile stays removed)
    if (old.get('createdBy') !== self) return false
    objects.set(id, old.clone())
    return true
  }
  return copyFields(old, now, self)
}

/** Copies the fields of `old` that differ into `now`: plain values, the rich text, this person's reactions. */
function copyFields(old: YObject, now: YObject, self: string): boolean {
  const kind = String(old.get('kind'))
  let changed = false
  const fields = new Set([...old.keys(), ...now.keys()])
  for (const field of fields) {
    if (field === TEXT_KEY) changed = copyText(old.get(field), now) || changed
    else if (field === REACTIONS_KEY) changed = copyReactions(old.get(field), now, self) || changed
    // fixed fields never change; the facilitators' (lock, hide) may have changed on the server since
    // the old document last heard, and copying them back would be refused again
    else if (fieldClass(kind, field) === 'fixed' || fieldClass(kind, field) === 'facilitator') continue
    else if (!sameValue(old.get(field), now.get(field))) {
      if (old.has(field)) now.set(field, old.get(field))
      else now.delete(field)
      changed = true
    }
  }
  return changed
}

function copyText(old: unknown, now: YObject): boolean {
  if (!(old instanceof Y.XmlFragment)) return false
  const current = now.get(TEXT_KEY)
  if (current instanceof Y.XmlFragment) {
    if (current.toJSON() === old.toJSON()) return false
    current.delete(0, current.length)
    current.insert(
      0,
      old.toArray().map((child) => child.clone() as Y.XmlElement | Y.XmlText),
    )
    return true
  }
  now.set(TEXT_KEY, old.clone())
  return true
}

function copyReactions(old: unknown, now: YObject, self: string): boolean {
  const mine = (key: string) => key.endsWith(` ${self}`)
  const before = old instanceof Y.Map ? (old as YObject) : null
  let current = now.get(REACTIONS_KEY)
  let changed = false
  for (const key of before?.keys() ?? []) {
    if (!mine(key) || (current instanceof Y.Map && current.has(key))) continue
    if (!(current instanceof Y.Map)) {
      current = new Y.Map<unknown>()
      now.set(REACTIONS_KEY, current)
    }
    ;(current as YObject).set(key, true)
    changed = true
  }
  if (current instanceof Y.Map) {
    for (const key of [...(current as YObject).keys()]) {
      if (!mine(key) || before?.has(key)) continue
      ;(current as YObject).delete(key)
      changed = true
    }
  }
  return changed
}

/** A plain entry of a top-level map (a vote): the same value as in `from`, or none. */
function replayEntry(from: Y.Doc, to: Y.Doc, key: string, slash: number): boolean {
  const root = key.slice(0, slash)
  const entry = key.slice(slash + 1)
  const old = from.share.get(root)
  if (!(old instanceof Y.Map) || root === 'objects') return false
  const now = to.getMap<unknown>(root)
  const value = old.get(entry)
  if (value instanceof Y.AbstractType || now.get(entry) instanceof Y.AbstractType) return false
  if (sameValue(value, now.get(entry)) && old.has(entry) === now.has(entry)) return false
  if (old.has(entry)) now.set(entry, value)
  else now.delete(entry)
  return true
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return a === b
  return JSON.stringify(a) === JSON.stringify(b)
}
