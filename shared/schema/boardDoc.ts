import * as Y from 'yjs'
import { z } from 'zod'
import { LANG_TAG } from '../lang'
import { migrateProps } from './defineKind'
import { KINDS, isObjectKind, isVotableKind, type BoardObject, type ObjectKind, type PropsOf } from './kinds'
import { readRichBlocks, type RichText } from './richBlocks'
import { fragmentToPlainText } from './richText'

/**
 * The board room's document: `objects` maps an object id to a Y.Map of its fields. Kind props are
 * stored flat beside the common fields so two people changing different props of one object both win;
 * rich text lives in a Y.XmlFragment under `text`.
 */
const OBJECTS = 'objects'
const META = 'meta'
export const TEXT_KEY = 'text'
/** Reactions: a Y.Map whose keys are `<emoji> <userId>`, so each person reacts once per emoji. */
export const REACTIONS_KEY = 'reactions'
/** The fields every object has, beside its kind's props. */
export const BASE_KEYS: ReadonlySet<string> = new Set([
  'consent',
  'contentNote',
  'quote',
  'hidden',
  'lang',
  REACTIONS_KEY,
  'locked',
  'id',
  'kind',
  'v',
  'canvas',
  'x',
  'y',
  'rotation',
  'z',
  'createdBy',
  'author',
  'createdAt',
  TEXT_KEY,
])

export type YObject = Y.Map<unknown>

/** The map of every object on the board, keyed by id. */
export const objectsOf = (doc: Y.Doc): Y.Map<YObject> => doc.getMap<YObject>(OBJECTS)
/**
 * The object map stored under `id`; undefined when there is none or when the entry is not a map at
 * all (a document from outside may hold a string there). Commands go through this, never `.get`.
 */
export function objectMapOf(doc: Y.Doc, id: string): YObject | undefined {
  const map: unknown = objectsOf(doc).get(id)
  return map instanceof Y.Map ? (map as YObject) : undefined
}

/** Every entry of the objects map that is a map, with its id; anything else stored there is passed over. */
export function objectMaps(doc: Y.Doc): [string, YObject][] {
  const out: [string, YObject][] = []
  for (const [id, map] of objectsOf(doc).entries()) if (map instanceof Y.Map) out.push([id, map])
  return out
}

/** The ids of the objects on a board that people may vote on (isVotableKind): what dot voting counts. */
export function votableIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>()
  for (const [id, map] of objectMaps(doc)) if (isVotableKind(map.get('kind'))) ids.add(id)
  return ids
}

/** Document-level metadata (schema version). */
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META)

/** Longest content note an object holds. */
export const CONTENT_NOTE_MAX = 200

const finite = z.number().finite()
const baseSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.string(),
  v: z.number().int().positive(),
  canvas: z.string().min(1).max(64),
  x: finite.min(-1e7).max(1e7),
  y: finite.min(-1e7).max(1e7),
  rotation: finite.default(0),
  z: finite,
  createdBy: z.string().max(64).default(''),
  author: z.string().max(120).default(''),
  createdAt: z.number().default(0),
  locked: z.boolean().default(false),
  consent: z.boolean().default(true),
  hidden: z.boolean().default(false),
  lang: z.string().max(40).regex(LANG_TAG).default(''),
  /** A content note shown before the text; '' (or absent) for none. */
  contentNote: z.string().max(CONTENT_NOTE_MAX).default(''),
  /** Marked as a quote (the insight report sets quotes apart); its author or a facilitator decides. */
  quote: z.boolean().default(false),
})

/** The schema of each field every object has, whatever its kind (the relay checks each value written). */
export const BASE_FIELD_SCHEMAS: Readonly<Record<string, z.ZodType>> = baseSchema.shape

/** An object this build cannot show: an unknown kind, or props that fail validation. */
export interface InvalidObject {
  readonly id: string
  readonly kind: string
  readonly canvas: string | undefined
  readonly x: number | undefined
  readonly y: number | undefined
  readonly reason: string
}

export type ReadResult = { ok: true; object: BoardObject } | { ok: false; invalid: InvalidObject }

/**
 * Reads one entry of the objects map into a validated plain snapshot, or says why it cannot be
 * shown. Takes whatever the entry is: a document from outside may hold a string where a map belongs.
 */
export function readObject(id: string, map: unknown): ReadResult {
  if (!(map instanceof Y.Map))
    return {
      ok: false,
      invalid: { id, kind: '?', canvas: undefined, x: undefined, y: undefined, reason: 'not an object' },
    }
  const raw: Record<string, unknown> = {}
  const props: Record<string, unknown> = {}
  for (const [key, value] of (map as YObject).entries()) {
    if (BASE_KEYS.has(key)) raw[key] = value
    else props[key] = value
  }
  const invalid = (reason: string): ReadResult => ({
    ok: false,
    invalid: {
      id,
      kind: typeof raw.kind === 'string' ? raw.kind : '?',
      canvas: typeof raw.canvas === 'string' ? raw.canvas : undefined,
      x: typeof raw.x === 'number' && Number.isFinite(raw.x) ? raw.x : undefined,
      y: typeof raw.y === 'number' && Number.isFinite(raw.y) ? raw.y : undefined,
      reason,
    },
  })
  const reactionsMap = raw[REACTIONS_KEY]
  delete raw[REACTIONS_KEY]
  const base = baseSchema.safeParse(raw)
  if (!base.success)
    return invalid(`invalid fields: ${base.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  const kind = base.data.kind
  if (!isObjectKind(kind)) return invalid(`unknown kind "${kind}"`)
  const def = KINDS[kind]
  if (base.data.v > def.version) return invalid(`"${kind}" version ${base.data.v} is newer than this app`)
  // an object the server has not upgraded yet (a private room's, an import's) reads as upgraded
  const upgraded = base.data.v < def.version ? migrateProps(def, props, base.data.v) : props
  const parsed = def.props.safeParse({ ...def.defaults(), ...upgraded })
  if (!parsed.success)
    return invalid(`invalid props: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  const fragment = map.get(TEXT_KEY)
  const hasText = def.richText && fragment instanceof Y.XmlFragment
  const text = hasText ? fragmentToPlainText(fragment) : ''
  const rich: RichText = hasText && text !== '' ? readRichBlocks(fragment) : NO_RICH
  const { v: _v, ...common } = base.data
  const reactions = reactionsMap instanceof Y.Map ? readReactions(reactionsMap) : {}
  return {
    ok: true,
    object: { ...common, id, kind, props: parsed.data, text, rich, reactions } as BoardObject,
  }
}

const NO_RICH: RichText = []

/**
 * Checks the plain fields of a new object (kind props flat beside the common fields, as stored):
 * null when valid, else what is wrong. The relay checks every object created this way.
 */
export function checkNewObjectFields(fields: Readonly<Record<string, unknown>>): string | null {
  const raw: Record<string, unknown> = {}
  const props: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (BASE_KEYS.has(key)) raw[key] = value
    else props[key] = value
  }
  delete raw[REACTIONS_KEY]
  delete raw[TEXT_KEY]
  const base = baseSchema.safeParse(raw)
  if (!base.success) return `invalid fields: ${base.error.issues.map((i) => i.path.join('.')).join(', ')}`
  const kind = base.data.kind
  if (!isObjectKind(kind)) return `unknown kind "${kind}"`
  const def = KINDS[kind]
  if (base.data.v !== def.version) return `"${kind}" is version ${def.version}, not ${base.data.v}`
  for (const key of Object.keys(props))
    if (!Object.prototype.hasOwnProperty.call(def.props.shape, key)) return `unknown field "${key}"`
  const parsed = def.props.safeParse({ ...def.defaults(), ...props })
  if (!parsed.success) return `invalid props: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`
  return null
}

/** Who reacted with what: emoji → user ids, for the fixed set of reactions and well-formed ids only. */
function readReactions(map: Y.Map<unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const key of map.keys()) {
    const space = key.indexOf(' ')
    const emoji = key.slice(0, space)
    const user = key.slice(space + 1)
    if (space < 0 || !(REACTIONS as readonly string[]).includes(emoji)) continue
    if (user.length > USER_ID_MAX || (out[emoji]?.length ?? 0) >= REACTIONS_PER_EMOJI_MAX) continue
    ;(out[emoji] ??= []).push(user)
  }
  return out
}

/** A user id is at most this long (as `createdBy`); longer keys are not anyone's reaction. */
const USER_ID_MAX = 64
/** Reactions counted per emoji on one note: as many as a JSON export carries (and imports). */
export const REACTIONS_PER_EMOJI_MAX = 1000

/** The fixed set of reactions a note can get. */
export const REACTIONS = ['👍', '❤️', '💡', '😮', '🙏'] as const
export type Reaction = (typeof REACTIONS)[number]

/** The object's rich-text fragment, if its kind has one (and the entry is an object at all). */
export function textOf(doc: Y.Doc, id: string): Y.XmlFragment | undefined {
  const fragment = objectMapOf(doc, id)?.get(TEXT_KEY)
  return fragment instanceof Y.XmlFragment ? fragment : undefined
}

export interface NewObject<K extends ObjectKind> {
  readonly id: string
  readonly kind: K
  readonly canvas: string
  readonly x: number
  readonly y: number
  readonly z: number
  readonly createdBy: string
  readonly author: string
  readonly createdAt: number
  readonly props: PropsOf<K>
  readonly rotation?: number
  /** BCP 47 tag of its text; absent or '' for the session's language. */
  readonly lang?: string
  /** A content note shown before its text; absent or '' for none. */
  readonly contentNote?: string
}

/** Builds the Y.Map for a new object (not yet attached to the document). */
export function writeObject<K extends ObjectKind>(obj: NewObject<K>): YObject {
  const def = KINDS[obj.kind]
  const props = def.props.parse(obj.props) as Record<string, unknown>
  const map = new Y.Map<unknown>()
  map.set('id', obj.id)
  map.set('kind', obj.kind)
  map.set('v', def.version)
  map.set('canvas', obj.canvas)
  map.set('x', obj.x)
  map.set('y', obj.y)
  map.set('rotation', obj.rotation ?? 0)
  map.set('z', obj.z)
  map.set('createdBy', obj.createdBy)
  map.set('author', obj.author)
  map.set('createdAt', obj.createdAt)
  if (obj.lang) map.set('lang', baseSchema.shape.lang.parse(obj.lang))
  if (obj.contentNote) map.set('contentNote', baseSchema.shape.contentNote.parse(obj.contentNote))
  for (const [key, value] of Object.entries(props)) map.set(key, value)
  if (def.richText) map.set(TEXT_KEY, new Y.XmlFragment())
  return map
}

/** Ids of the objects touched by a batch of deep events on the objects map. */
export function changedObjectIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): {
  ids: Set<string>
  all: boolean
  /** Only the rich text of objects already there changed (nothing came, went, moved or else). */
  textOnly: boolean
} {
  const ids = new Set<string>()
  let all = false
  let textOnly = events.length > 0
  for (const event of events) {
    const path = event.path
    if (path.length === 0) {
      // the objects map itself: objects added or removed
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key)
    } else {
      const first = path[0]
      if (typeof first === 'string') ids.add(first)
      else all = true
    }
    if (path.length < 2 || path[1] !== TEXT_KEY) textOnly = false
  }
  return { ids, all, textOnly: textOnly && !all }
}
