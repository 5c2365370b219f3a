import * as Y from 'yjs'
import { z } from 'zod'
import {
  BASE_FIELD_SCHEMAS,
  metaOf,
  CONTENT_NOTE_MAX,
  objectsOf,
  writeObject,
  REACTIONS,
  REACTIONS_KEY,
  REACTIONS_PER_EMOJI_MAX,
} from '../schema/boardDoc'
import {
  STEP_MODES,
  agendaOf,
  canvasesOf,
  commitmentsOf,
  guidanceOf,
  sessionMapOf,
  writeCanvas,
  writeStep,
} from '../schema/controlDoc'
import { answersOf, resultsOf } from '../schema/facilitation'
import { KINDS, isObjectKind, type ObjectKind } from '../schema/kinds'
import { LANG_TAG, isUiLang } from '../lang'
import { sessionLangsSchema, storedTextSchema } from '../schema/langText'
import { LIMITS } from '../schema/limits'
import { migrateProps } from '../schema/defineKind'
import { SCHEMA_VERSION, upgradeDoc } from '../schema/migrations'
import { richNodeSchema, writeRichText } from '../schema/richText'
import { isSafeKey } from '../schema/rules'
import { skippedTotal } from '../schema/skipped'
import { EXPORT_FORMAT } from './format'
import { isExportable, withoutNames, type SessionSnapshot } from './snapshot'

export { EXPORT_FORMAT }
export const EXPORT_VERSION = 1
export const MAX_IMPORT_OBJECTS = 20_000

export interface ExportedImage {
  readonly mime: string
  /** The file, base64-encoded. */
  readonly data: string
}

/**
 * The session as JSON, to make the same one elsewhere (POST /api/sessions/import): as every export,
 * only what may leave the room. An object whose author withheld consent, or that a facilitator hid,
 * is not in it; in an anonymous session no object names anyone (author, credits, who made it).
 */
export function toExportJson(
  s: SessionSnapshot,
  images: Record<string, ExportedImage>,
  exportedAt = new Date(),
) {
  const { anonymous } = s.facilitation
  const objects = s.objects.filter(isExportable).map((o) => (anonymous ? withoutNames(o) : o))
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    // the schema its documents and objects were read in (shared/schema/migrations.ts): any later
    // server migrates it on import, an earlier one refuses it
    schemaVersion: SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    // how many entries of the session could not be read and are not in this file (0 for a sound one)
    skipped: skippedTotal(s.skipped),
    session: {
      title: s.title,
      template: s.template,
      anonymous: s.facilitation.anonymous,
      mode: s.facilitation.mode,
      step: s.facilitation.step,
      voteBudget: s.facilitation.voteBudget,
      langs: [...s.langs],
    },
    // the group's own words in each of the session's languages (language → text)
    commitments: s.commitmentTexts.map((c) => ({ ...c })),
    canvases: s.canvases.map((c) => ({ id: c.id, name: c.name })),
    agenda: s.agenda.map(({ titles, prompts, ...a }) => ({
      ...a,
      title: { ...titles },
      prompt: { ...prompts },
    })),
    objects: objects.map((o) => ({
      id: o.id,
      kind: o.kind,
      // the version of its kind's props (a snapshot is read upgraded: this build's)
      v: KINDS[o.kind].version,
      canvas: o.canvas,
      x: o.x,
      y: o.y,
      rotation: o.rotation,
      z: o.z,
      createdBy: anonymous ? '' : o.createdBy,
      author: o.author,
      createdAt: o.createdAt,
      locked: o.locked,
      consent: o.consent,
      hidden: o.hidden,
      lang: o.lang,
      // before the text it warns about; '' for none
      contentNote: o.contentNote,
      quote: o.quote,
      reactions: o.reactions,
      props: o.props as Record<string, unknown>,
      richText: s.richText[o.id] ?? [],
    })),
    votes: { ...s.facilitation.results },
    answers: { ...s.facilitation.answers },
    images,
  }
}

export type SessionExport = ReturnType<typeof toExportJson>

/** Import refused: says what is wrong, for a 4xx answer. */
export class ImportError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    message: string,
  ) {
    super(message)
  }
}

const id = z.string().min(1).max(64)
const importSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  // exports from before schema versions carry none: they are version 1
  schemaVersion: z.number().int().min(1).default(1),
  // what the exporting server could not read: said for people, nothing to import
  skipped: z.number().int().min(0).optional(),
  session: z.object({
    title: z.string().max(LIMITS.titleMax),
    template: z.string().max(64),
    anonymous: z.boolean(),
    mode: z.enum(STEP_MODES),
    step: z.number().int().min(0),
    voteBudget: z.number().int().min(1).max(50),
    // exports from before sessions had two languages have none: the main language is then guessed
    langs: sessionLangsSchema.optional(),
  }),
  // a string (an export from before two languages: the main language) or language → text
  commitments: z.array(storedTextSchema(LIMITS.commitmentMax)).max(50),
  canvases: z
    .array(z.object({ id, name: z.string().max(200) }))
    .min(1)
    .max(100),
  agenda: z
    .array(
      z.object({
        id,
        title: storedTextSchema(200),
        prompt: storedTextSchema(2000),
        guidance: z.string().max(4000),
        minutes: z.number().min(0).max(600),
        // older exports have no place for a step: it then keeps people where they are
        canvas: z.string().max(64).default(''),
        frame: z.string().max(64).default(''),
        mode: z.enum(STEP_MODES),
      }),
    )
    .max(100),
  objects: z
    .array(
      z.object({
        id,
        kind: z.string().max(40),
        // objects from before schema versions carry none: version 1, where every kind began
        v: z.number().int().min(1).default(1),
        canvas: id,
        // as the board takes them: an object past the board's bounds would be in no export
        x: BASE_FIELD_SCHEMAS.x as z.ZodNumber,
        y: BASE_FIELD_SCHEMAS.y as z.ZodNumber,
        rotation: z.number().finite(),
        z: z.number().finite(),
        createdBy: z.string().max(64),
        author: z.string().max(120),
        createdAt: z.number(),
        locked: z.boolean(),
        consent: z.boolean(),
        hidden: z.boolean(),
        lang: z.string().max(40).regex(LANG_TAG),
        // exports from before content notes have none
        contentNote: z.string().max(CONTENT_NOTE_MAX).optional(),
        // exports from before quotes have none
        quote: z.boolean().optional(),
        reactions: z.record(z.string(), z.array(z.string().max(64)).max(REACTIONS_PER_EMOJI_MAX)),
        props: z.record(z.string(), z.unknown()),
        richText: z.array(richNodeSchema).max(5000),
      }),
    )
    .max(MAX_IMPORT_OBJECTS),
  // a vote count is at most every person's whole budget; one entry an object at most
  votes: z
    .record(
      id.refine(isSafeKey, 'not a key a vote may have'),
      z
        .number()
        .int()
        .min(0)
        .max(LIMITS.peopleMax * 50),
    )
    .refine((v) => Object.keys(v).length <= MAX_IMPORT_OBJECTS, 'more votes than objects'),
  // how many answered each way: never more than a session holds people (each is stored as an entry)
  answers: z.object({
    agree: z.number().int().min(0).max(LIMITS.peopleMax),
    discuss: z.number().int().min(0).max(LIMITS.peopleMax),
  }),
  images: z.record(
    z.string().regex(/^[a-f0-9]{64}$/),
    z.object({ mime: z.string().max(40), data: z.string() }),
  ),
})

export type ValidExport = z.infer<typeof importSchema>

/** Checks an export before anything is created: format, version, every object's kind and props. */
export function parseExport(input: unknown): ValidExport {
  const head = z
    .object({ format: z.string(), version: z.number(), schemaVersion: z.unknown().optional() })
    .safeParse(input)
  if (!head.success || head.data.format !== EXPORT_FORMAT)
    throw new ImportError(400, 'this is not a session export')
  if (head.data.version > EXPORT_VERSION) {
    throw new ImportError(
      422,
      `this export is format version ${head.data.version}, newer than this server reads (${EXPORT_VERSION}); update the server`,
    )
  }
  const schema = head.data.schemaVersion
  if (typeof schema === 'number' && schema > SCHEMA_VERSION)
    throw new ImportError(
      422,
      `this export was made with schema version ${schema}, newer than this server reads (${SCHEMA_VERSION}); update the server`,
    )
  const parsed = importSchema.safeParse(input)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ImportError(
      400,
      `the export is malformed at ${first?.path.join('.') || 'its top level'}: ${first?.message ?? ''}`,
    )
  }
  const canvasIds = new Set(parsed.data.canvases.map((c) => c.id))
  for (const o of parsed.data.objects) {
    if (!isObjectKind(o.kind)) throw new ImportError(422, `object ${o.id} is of an unknown kind "${o.kind}"`)
    if (!canvasIds.has(o.canvas))
      throw new ImportError(400, `object ${o.id} is on a canvas the export does not have`)
    const def = KINDS[o.kind]
    if (o.v > def.version)
      throw new ImportError(
        422,
        `object ${o.id} is ${o.kind} version ${o.v}, newer than this server reads (${def.version}); update the server`,
      )
    // props of an earlier version go through the kind's steps, as a stored board's do on load
    o.props = migrateProps(def, o.props, o.v)
    o.v = def.version
    const props = def.props.safeParse(o.props)
    if (!props.success)
      throw new ImportError(
        400,
        `object ${o.id} (${o.kind}) has invalid props: ${props.error.issues[0]?.path.join('.')}`,
      )
  }
  return parsed.data
}

/** The origin of an import's schema upgrade (nobody's undo step: the documents are new). */
const IMPORT_ORIGIN = Symbol('import')

/** A stored text with only the languages this version knows (a string stays a string). */
const knownLangs = (t: string | Record<string, string>): string | Record<string, string> =>
  typeof t === 'string' ? t : Object.fromEntries(Object.entries(t).filter(([lang]) => isUiLang(lang)))

/** Builds a new session's documents from a checked export (ids inside the session are kept). */
export function buildDocsFromExport(e: ValidExport) {
  const board = new Y.Doc()
  const control = new Y.Doc()
  const facilitator = new Y.Doc()
  // stamped with the export's schema version: the steps since then run once everything is written
  for (const d of [board, control, facilitator]) metaOf(d).set('version', e.schemaVersion)
  board.transact(() => {
    for (const o of e.objects) {
      const map = writeObject({ ...o, kind: o.kind as ObjectKind, props: o.props as never })
      for (const key of ['locked', 'consent', 'hidden', 'lang'] as const) map.set(key, o[key])
      if (o.quote) map.set('quote', true)
      const reactions = new Y.Map<boolean>()
      for (const [emoji, who] of Object.entries(o.reactions)) {
        if ((REACTIONS as readonly string[]).includes(emoji))
          for (const u of who) reactions.set(`${emoji} ${u}`, true)
      }
      map.set(REACTIONS_KEY, reactions)
      objectsOf(board).set(o.id, map)
      const fragment = map.get('text')
      if (fragment instanceof Y.XmlFragment) writeRichText(fragment, o.richText)
    }
  })
  control.transact(() => {
    const s = sessionMapOf(control)
    s.set('title', e.session.title)
    s.set('template', e.session.template)
    s.set('anonymous', e.session.anonymous)
    s.set('mode', e.session.mode)
    s.set('step', e.session.step)
    s.set('voteBudget', e.session.voteBudget)
    if (e.session.langs) s.set('langs', e.session.langs)
    // stored as exported: a string still reads as the main language, a map keeps every language
    commitmentsOf(control).push(e.commitments.map(knownLangs))
    canvasesOf(control).push(e.canvases.map(writeCanvas))
    agendaOf(control).push(
      e.agenda.map(({ guidance: _g, title, prompt, ...step }) => {
        const map = writeStep({ ...step, title: '', prompt: '' })
        map.set('title', knownLangs(title))
        map.set('prompt', knownLangs(prompt))
        return map
      }),
    )
    for (const [objectId, n] of Object.entries(e.votes)) if (n > 0) resultsOf(control).set(objectId, n)
    // who answered is never exported, only how many: keep the counts under placeholder owners
    for (let i = 0; i < e.answers.agree; i++) answersOf(control).set(`imported-agree-${i}`, 'agree')
    for (let i = 0; i < e.answers.discuss; i++) answersOf(control).set(`imported-discuss-${i}`, 'discuss')
  })
  facilitator.transact(() => {
    for (const step of e.agenda) guidanceOf(facilitator).set(step.id, step.guidance)
  })
  upgradeDoc(board, 'board', IMPORT_ORIGIN)
  upgradeDoc(control, 'control', IMPORT_ORIGIN)
  upgradeDoc(facilitator, 'facilitator', IMPORT_ORIGIN)
  const out = {
    board: Y.encodeStateAsUpdate(board),
    control: Y.encodeStateAsUpdate(control),
    facilitator: Y.encodeStateAsUpdate(facilitator),
  }
  for (const d of [board, control, facilitator]) d.destroy()
  return out
}
