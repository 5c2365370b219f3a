import * as Y from 'yjs'
import type { Origin } from '../../shared/ops/origin'
import {
  BASE_FIELD_SCHEMAS,
  REACTIONS,
  REACTIONS_KEY,
  TEXT_KEY,
  objectsOf,
  writeObject,
} from '../../shared/schema/boardDoc'
import { myVotesOf } from '../../shared/schema/facilitation'
import { KINDS, isObjectKind, type ObjectKind, type PropsOf } from '../../shared/schema/kinds'
import type { Attacker, Crafted } from './attacker'
import type { Rng } from './fuzzFrames'

/*
 * Structurally valid updates that break the board's schema: made with Yjs on a copy of a room's
 * document, so they decode and depend on nothing the server lacks, but hold what no honest client
 * writes — wrong value types in every field, unknown fields, types where values belong, junk
 * roots, reactions in others' names, votes out of range.
 */

export const OBJECT_KINDS = Object.keys(KINDS) as ObjectKind[]

/** Values of every JSON-ish type and size, good for something and wrong for most fields. */
const CANDIDATES: readonly unknown[] = [
  'x',
  'evil',
  '',
  'z'.repeat(5000),
  -1,
  0,
  1.5,
  1e12,
  -1e12,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  {},
  { a: 1 },
  [],
  [1, 'a'],
  ['x'],
]

type Schema = { safeParse(v: unknown): { success: boolean } }

function schemaOf(kind: ObjectKind, field: string): Schema | undefined {
  return (BASE_FIELD_SCHEMAS[field] ?? (KINDS[kind].props.shape as Record<string, Schema>)[field]) as
    Schema | undefined
}

/** The plain fields an object of this kind has: the common ones and its props (not text or reactions). */
export const fieldsOf = (kind: ObjectKind): string[] => [
  ...Object.keys(BASE_FIELD_SCHEMAS),
  ...Object.keys(KINDS[kind].props.shape),
]

/** Values this field of this kind refuses (by its own schema). */
export const wrongValuesFor = (kind: ObjectKind, field: string): unknown[] =>
  CANDIDATES.filter((v) => !schemaOf(kind, field)!.safeParse(v).success)

let made = 0

/** A new object of `kind` as `who` (valid), on `doc` (whatever else its objects map holds). */
export function newObject(doc: Y.Doc, kind: ObjectKind, who: Origin, canvas: string, id?: string): string {
  const key = id ?? `new-${kind}-${++made}-${doc.clientID}`
  const props = KINDS[kind].defaults() as PropsOf<typeof kind>
  objectsOf(doc).set(
    key,
    writeObject({
      id: key,
      kind,
      canvas,
      x: 5,
      y: 5,
      z: 1,
      createdBy: who.userId,
      author: who.name,
      createdAt: 1,
      props,
    }),
  )
  return key
}

/** A key of 3 to 12 characters from an alphabet of letters, digits, spaces and oddities. */
export function randomKey(rng: Rng): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzQXZ0123456789 _-/.:👍秘\u0000'
  return Array.from({ length: 3 + rng.int(10) }, () => rng.pick([...alphabet])).join('')
}

/** A random plain value or (below `depth`) a type holding random content. */
export function randomValue(rng: Rng, depth = 2): unknown {
  const r = rng.next()
  if (depth <= 0 || r < 0.5) return rng.pick(CANDIDATES)
  if (r < 0.7) {
    const map = new Y.Map<unknown>()
    for (let i = rng.int(4); i > 0; i--) map.set(randomKey(rng), randomValue(rng, depth - 1))
    return map
  }
  if (r < 0.85) {
    const arr = new Y.Array<unknown>()
    arr.insert(
      0,
      Array.from({ length: rng.int(4) }, () => randomValue(rng, depth - 1)),
    )
    return arr
  }
  if (r < 0.95) return new Y.Text(randomKey(rng))
  return new Y.XmlFragment()
}

/** A root of a random name and type, with random content. */
function junkRoot(rng: Rng, doc: Y.Doc, roots: readonly string[]): string {
  // other rooms' roots, and the board's `meta` (the facilitators'); never a root this room's writer may write
  const foreign = ['meta', 'votes', 'session', 'guidance', 'commitments', 'agenda', 'canvases'].filter(
    (n) => n === 'meta' || !roots.includes(n),
  )
  const name = rng.next() < 0.3 ? rng.pick(foreign) : randomKey(rng)
  const taken = doc.share.get(name)
  const type = rng.int(4)
  try {
    if (type === 0 || taken instanceof Y.Map) doc.getMap(name).set(randomKey(rng), randomValue(rng))
    else if (type === 1) doc.getArray(name).insert(0, [randomValue(rng)])
    else if (type === 2) doc.getText(name).insert(0, randomKey(rng))
    else doc.getXmlFragment(name).insert(0, [new Y.XmlElement(randomKey(rng))])
  } catch {
    doc.getMap(`${name}-map`).set('k', randomValue(rng)) // the name is a root of another type
  }
  return `root ${JSON.stringify(name)}`
}

export interface BreakContext {
  /** The writer, and objects that are theirs to change (so only the value is wrong). */
  readonly self: Origin
  readonly own: readonly string[]
  /** Owner ids of other people, to react in their names. */
  readonly others: readonly string[]
  readonly canvas: string
  /** The room's root names (a private room has `votes`). */
  readonly roots: readonly string[]
}

/**
 * One random schema-breaking change on `doc` (a board or private room's document); returns what it
 * did. Every one is refused by the rules whatever else the update holds.
 */
export function breakOnce(rng: Rng, doc: Y.Doc, ctx: BreakContext): string {
  const objects = objectsOf(doc) as Y.Map<unknown>
  const live = ctx.own.filter((id) => objectsOf(doc).has(id))
  const own = live.length > 0 ? objectsOf(doc).get(rng.pick(live))! : undefined
  // an earlier change in the same update may have broken its kind already
  const written = own?.get('kind')
  const kind = isObjectKind(written) ? written : undefined
  switch (rng.int(ctx.roots.includes('votes') ? 10 : 9)) {
    case 0:
      return junkRoot(rng, doc, ctx.roots)
    case 1: {
      const key = randomKey(rng)
      objects.set(key, randomValue(rng, 3))
      return `objects entry ${JSON.stringify(key)}`
    }
    case 2: {
      if (!own || !kind) return junkRoot(rng, doc, ctx.roots)
      const field = rng.pick(fieldsOf(kind))
      const wrong = wrongValuesFor(kind, field)
      if (wrong.length === 0) return junkRoot(rng, doc, ctx.roots)
      own.set(field, rng.pick(wrong))
      return `${kind}.${field} wrong`
    }
    case 3: {
      const k = rng.pick(OBJECT_KINDS)
      const id = newObject(doc, k, ctx.self, ctx.canvas)
      const field = rng.pick(fieldsOf(k).filter((f) => wrongValuesFor(k, f).length > 0))
      objectsOf(doc)
        .get(id)!
        .set(field, rng.pick(wrongValuesFor(k, field)))
      return `new ${k}.${field} wrong`
    }
    case 4: {
      if (!own) return junkRoot(rng, doc, ctx.roots)
      const key = `zz${randomKey(rng)}`
      own.set(key, randomValue(rng))
      return `unknown field ${JSON.stringify(key)}`
    }
    case 5: {
      if (!own || !kind) return junkRoot(rng, doc, ctx.roots)
      const field = rng.pick(fieldsOf(kind))
      own.set(field, rng.pick([new Y.Map(), new Y.Array(), new Y.Text('t'), new Y.XmlFragment()]))
      return `${kind}.${field} a type`
    }
    case 6: {
      if (!own) return junkRoot(rng, doc, ctx.roots)
      let reactions = own.get(REACTIONS_KEY)
      if (!(reactions instanceof Y.Map)) own.set(REACTIONS_KEY, (reactions = new Y.Map()))
      const other = rng.pick(ctx.others)
      const junk = rng.next() < 0.5
      if (junk) (reactions as Y.Map<unknown>).set(randomKey(rng), randomValue(rng, 1))
      else (reactions as Y.Map<unknown>).set(`${rng.pick(REACTIONS)} ${other}`, true)
      return junk ? 'junk reaction' : 'reaction as another'
    }
    case 7: {
      if (!own || !kind) return junkRoot(rng, doc, ctx.roots)
      const required = ['id', 'kind', 'canvas', 'x', 'y', 'z', 'v', TEXT_KEY].filter((f) => own.has(f))
      own.delete(rng.pick(required))
      return `${kind} without a required field`
    }
    case 8: {
      const fragment = own?.get(TEXT_KEY)
      if (!(fragment instanceof Y.XmlFragment)) return junkRoot(rng, doc, ctx.roots)
      // rich text replaced whole, rather than edited
      own!.set(TEXT_KEY, rng.next() < 0.5 ? new Y.XmlFragment() : new Y.Text('replaced'))
      return 'text replaced'
    }
    default: {
      const votes = myVotesOf(doc) as Y.Map<unknown>
      const value = rng.pick([1000, -1, 51, 2.5, 'x', null, true, [1]])
      votes.set(rng.next() < 0.8 ? rng.pick(ctx.own.length ? ctx.own : ['n1']) : 'y'.repeat(80), value)
      return `votes ${JSON.stringify(value)}`
    }
  }
}

/**
 * One random change of any kind, honest or not, on a board or private room's document: mostly
 * schema-breaking ones (breakOnce), and random fields set to random values, removals of objects and
 * fields, text edits, new objects and reactions, on anyone's objects. The server takes what its rules
 * allow and refuses the rest; either way it must keep serving and keep its documents readable.
 */
export function fuzzOnce(rng: Rng, doc: Y.Doc, ctx: Omit<BreakContext, 'own'>): string {
  const objects = objectsOf(doc)
  const ids = [...objects.keys()].filter((id) => objects.get(id) instanceof Y.Map)
  const own = ids.filter((id) => objects.get(id)!.get('createdBy') === ctx.self.userId)
  const target = ids.length > 0 ? objects.get(rng.pick(ids))! : undefined
  const written = target?.get('kind')
  const kind = isObjectKind(written) ? written : rng.pick(OBJECT_KINDS)
  const r = rng.int(10)
  if (r < 4 || !target) return breakOnce(rng, doc, { ...ctx, own })
  switch (r) {
    case 4: {
      const field = rng.next() < 0.8 ? rng.pick(fieldsOf(kind)) : randomKey(rng)
      const value = rng.next() < 0.5 ? randomValue(rng, 1) : rng.pick(wrongValuesFor(kind, 'x'))
      target.set(field, value)
      return `set ${field}`
    }
    case 5:
      objects.delete(rng.pick(ids))
      return 'delete an object'
    case 6: {
      const keys = [...target.keys()]
      if (keys.length > 0) target.delete(rng.pick(keys))
      return 'delete a field'
    }
    case 7: {
      const fragment = target.get(TEXT_KEY)
      if (!(fragment instanceof Y.XmlFragment)) return 'no text'
      if (fragment.length > 0 && rng.next() < 0.4) fragment.delete(0, 1)
      else {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(randomKey(rng))])
        fragment.insert(rng.int(fragment.length + 1), [p])
      }
      return 'text edit'
    }
    case 8: {
      const who = rng.next() < 0.7 ? ctx.self : { userId: `u-${randomKey(rng)}`, name: randomKey(rng) }
      const id = newObject(doc, rng.pick(OBJECT_KINDS), who, ctx.canvas)
      if (rng.next() < 0.3) objects.get(id)!.set(rng.pick(fieldsOf(kind)), randomValue(rng, 0))
      return 'new object'
    }
    default: {
      let reactions = target.get(REACTIONS_KEY)
      if (!(reactions instanceof Y.Map)) target.set(REACTIONS_KEY, (reactions = new Y.Map()))
      const key = `${rng.pick(REACTIONS)} ${rng.next() < 0.7 ? ctx.self.userId : rng.pick(ctx.others)}`
      const map = reactions as Y.Map<unknown>
      if (map.has(key)) map.delete(key)
      else map.set(key, true)
      return 'reaction'
    }
  }
}

/**
 * A fuzzed update from `attacker`: 1 to 3 fuzzOnce changes on a copy of what the server has; one
 * time in five, merged with a second client's changes made on top of them (random ones, and a random
 * field of each object the first created), as one update.
 */
export function fuzzedUpdate(rng: Rng, attacker: Attacker, ctx: Omit<BreakContext, 'own'>): Crafted {
  const change = (d: Y.Doc): void => {
    for (let n = 1 + rng.int(3); n > 0; n--) fuzzOnce(rng, d, ctx)
  }
  const first = attacker.craft(change)
  if (rng.next() >= 0.2) return first
  const second = attacker.craft(
    (d) => {
      change(d)
      for (const [id, o] of objectsOf(d))
        if (!objectsOf(attacker.doc).has(id) && o instanceof Y.Map)
          o.set(rng.pick(['w', 'x', 'createdBy', 'locked', 'zz']), randomValue(rng, 1))
    },
    undefined,
    [first.update],
  )
  return { ...first, update: Y.mergeUpdates([first.update, second.update]) }
}
