import * as Y from 'yjs'
import type { RoomKind } from '../rooms'
import { BASE_KEYS, metaOf, objectMaps } from './boardDoc'
import { commitmentsOf, readSessionLangs, sessionMapOf } from './controlDoc'
import { migrateProps, type AnyKind } from './defineKind'
import { KINDS } from './kinds'
import { sessionLangsSchema } from './langText'

/*
 * One version scheme for the whole schema. SCHEMA_VERSION is a single number for this build: every
 * room's document carries the version it was last upgraded to (`meta.version`), every object the
 * version of its kind's props (`v`, a point on the same line: shared/schema/defineKind.ts), every
 * JSON export both, and a tab says which it speaks when it joins a room. Moving the schema on is a
 * named step here (a document) or in the kind's `migrations` (its props), with the version it
 * brings; the server runs the steps when it loads a room (server/relay/relay.ts), an import runs
 * them on the export (shared/export/json.ts), and a tab reloaded after an upgrade runs them on its
 * unsent work (client/sync/carryOver.ts).
 */

/**
 * The schema version of this build. Bump it with every step (below, or a kind's) and with every new
 * kind or base field, so tabs opened before the change are asked to reload.
 */
export const SCHEMA_VERSION = 3

/** One named step that takes a room's document from the version before `version` to `version`. */
export interface DocStep {
  readonly version: number
  readonly name: string
  /** The kinds of room whose documents it changes. */
  readonly rooms: readonly RoomKind[]
  /** Changes the document (inside the upgrade's one transaction); must be harmless on a newer shape. */
  readonly up: (doc: Y.Doc) => void
}

/**
 * Sessions made before they had two languages stored none: readers guess the language on every read
 * from the first commitment, when it is a plain string with Chinese characters. Rewording that line
 * stores it per language, and the guess then falls back to English: a Chinese session switched
 * language when its facilitator edited the first commitment. The guess is made once and written down.
 */
function writeDownSessionLangs(doc: Y.Doc): void {
  const session = sessionMapOf(doc)
  if (sessionLangsSchema.safeParse(session.get('langs')).success) return
  // an empty control document (a room never set up) has nothing to guess from
  if (session.size === 0 && commitmentsOf(doc).length === 0) return
  session.set('langs', readSessionLangs(doc))
}

/** Every document step, oldest first (version 1 is the shape versions began with: no step). */
export const DOC_STEPS: readonly DocStep[] = [
  {
    version: 2,
    name: 'control: session languages written down',
    rooms: ['control'],
    up: writeDownSessionLangs,
  },
]

/** A document written by a newer schema than this build's: it is not read, nor written to. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    what = 'this document',
  ) {
    super(`${what} is schema version ${found}, newer than this server's ${SCHEMA_VERSION}; update the server`)
  }
}

/** Stamps a document with this build's schema version. */
export function stampVersion(doc: Y.Doc): void {
  metaOf(doc).set('version', SCHEMA_VERSION)
}

/**
 * The schema version a document was last upgraded to: 1 for a board stamped before this scheme
 * (its shape), 0 for a document never stamped (control, facilitator and private rooms were not).
 */
export function readVersion(doc: Y.Doc): number {
  const v = metaOf(doc).get('version')
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0
}

/** What an upgrade did: the versions, the named steps it ran, and how many objects it upgraded. */
export interface UpgradeReport {
  readonly from: number
  readonly to: number
  readonly steps: readonly string[]
  readonly objects: number
}

export interface UpgradeOptions {
  readonly steps?: readonly DocStep[]
  readonly kinds?: Readonly<Record<string, AnyKind>>
  readonly version?: number
}

/**
 * Takes a room's document up to this build's schema, in one transaction with `origin`: the document
 * steps it has not had, every object of an older kind version through its kind's steps, then the
 * stamp. Nothing happens (and no update is made) for a document already current or empty. Throws
 * NewerSchemaError, changing nothing, for a document newer than this build.
 */
export function upgradeDoc(
  doc: Y.Doc,
  room: RoomKind,
  origin: unknown,
  options: UpgradeOptions = {},
): UpgradeReport {
  const { steps = DOC_STEPS, kinds = KINDS, version = SCHEMA_VERSION } = options
  const from = readVersion(doc)
  if (from > version) throw new NewerSchemaError(from)
  const ran: string[] = []
  let objects = 0
  // a room nobody has written to yet (a private room) holds no shape: stamped by its first load after
  if (doc.store.clients.size === 0) return { from, to: from, steps: ran, objects }
  doc.transact(() => {
    for (const step of steps) {
      if (step.version <= from || step.version > version || !step.rooms.includes(room)) continue
      step.up(doc)
      ran.push(`${step.version} ${step.name}`)
    }
    if (room === 'board' || room === 'private') objects = upgradeObjects(doc, kinds)
    if (from !== version) metaOf(doc).set('version', version)
  }, origin)
  return { from, to: version, steps: ran, objects }
}

/** Brings every object of an older kind version up to its kind's; returns how many it changed. */
function upgradeObjects(doc: Y.Doc, kinds: Readonly<Record<string, AnyKind>>): number {
  let changed = 0
  for (const [, map] of objectMaps(doc)) {
    const kind = map.get('kind')
    const v = map.get('v')
    const def = typeof kind === 'string' && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined
    // unknown kinds and malformed versions are the readers' to skip; a newer object is left alone
    if (!def || typeof v !== 'number' || !Number.isInteger(v) || v >= def.version) continue
    const props: Record<string, unknown> = {}
    for (const [key, value] of map.entries())
      if (!BASE_KEYS.has(key) && !(value instanceof Y.AbstractType)) props[key] = value
    const next = migrateProps(def, props, v)
    for (const key of Object.keys(props)) if (!Object.hasOwn(next, key)) map.delete(key)
    for (const [key, value] of Object.entries(next))
      if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
    map.set('v', def.version)
    changed++
  }
  return changed
}
