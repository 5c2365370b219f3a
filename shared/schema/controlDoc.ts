import * as Y from 'yjs'
import { z } from 'zod'
import { DEFAULT_LANG, type UiLang } from '../lang'
import { LIMITS } from './limits'
import { readLangText, sessionLangsSchema, textIn, type LangText } from './langText'

/**
 * The control room's document (`<session>/control`): state only facilitators may write — the
 * session's title, its Community Commitments and its canvases. Everyone in the session reads it.
 */
const SESSION = 'session'
const COMMITMENTS = 'commitments'
const CANVASES = 'canvases'
const AGENDA = 'agenda'

export const sessionMapOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SESSION)
/** Each commitment: a map of language → text, or (older documents) a string in the main language. */
export const commitmentsOf = (doc: Y.Doc): Y.Array<string | LangText> =>
  doc.getArray<string | LangText>(COMMITMENTS)
export const canvasesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(CANVASES)
export const agendaOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(AGENDA)

export interface SessionInfo {
  readonly title: string
  readonly template: string
  /** While locked, only facilitators may change the board (the server drops everyone else's writes). */
  readonly locked: boolean
  /** The session's languages, the main one first (one or two). */
  readonly langs: readonly UiLang[]
  /** Participants change and delete only what they added (the server refuses the rest). */
  readonly protect: boolean
  /** Admit people: who opens the participant link waits until a facilitator admits them. */
  readonly admit: boolean
}

export interface CanvasInfo {
  readonly id: string
  readonly name: string
}

const STEP_TITLE_MAX = 200
const STEP_PROMPT_MAX = 2000

const canvasSchema = z.object({ id: z.string().min(1).max(64), name: z.string().max(200) })
const TEMPLATE_ID_MAX = 64

/**
 * The plain fields of a map entry (Y types inside are left out). Unlike `toJSON`, never walks into
 * nested types, so an entry holding a 20,000-deep structure is read in one step, not a stack overflow.
 */
function plainFields(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of map.entries()) if (!(value instanceof Y.AbstractType)) out[key] = value
  return out
}

/** Reads the session's title and template id. */
export function readSessionInfo(doc: Y.Doc): SessionInfo {
  const map = sessionMapOf(doc)
  const title = map.get('title')
  const template = map.get('template')
  return {
    // cut to the limits a session is made with, so a document from outside reads as one we wrote
    title: typeof title === 'string' ? title.slice(0, LIMITS.titleMax) : '',
    template: typeof template === 'string' ? template.slice(0, TEMPLATE_ID_MAX) : '',
    locked: isBoardLocked(doc),
    langs: readSessionLangs(doc),
    protect: isProtected(doc),
    admit: isAdmitOn(doc),
  }
}

const HAN = /\p{Script=Han}/u

/**
 * The session's languages, main first. Sessions from before two languages kept none: their texts
 * are in the language they were created in, which only Chinese characters in them can tell.
 */
export function readSessionLangs(doc: Y.Doc): UiLang[] {
  const parsed = sessionLangsSchema.safeParse(sessionMapOf(doc).get('langs'))
  if (parsed.success) return parsed.data
  const first = commitmentsOf(doc).get(0)
  return typeof first === 'string' && HAN.test(first) ? ['zh-CN'] : [DEFAULT_LANG]
}

/** Reads the Community Commitments in each of the session's languages, skipping malformed ones. */
export function readCommitmentTexts(doc: Y.Doc): LangText[] {
  const main = readSessionLangs(doc)[0] ?? DEFAULT_LANG
  return commitmentsOf(doc)
    .toArray()
    .flatMap((c) => readLangText(c, main, LIMITS.commitmentMax) ?? [])
}

/** Reads the Community Commitments in the session's main language (else in the language they have). */
export function readCommitments(doc: Y.Doc): string[] {
  const langs = readSessionLangs(doc)
  return readCommitmentTexts(doc).map((c) => textIn(c, langs[0] ?? DEFAULT_LANG, langs).text)
}

/** Reads the canvases in their order, skipping malformed entries. */
export function readCanvases(doc: Y.Doc): CanvasInfo[] {
  const out: CanvasInfo[] = []
  for (const map of canvasesOf(doc).toArray()) {
    if (!(map instanceof Y.Map)) continue
    const parsed = canvasSchema.safeParse(plainFields(map))
    if (parsed.success) out.push(parsed.data)
  }
  return out
}

/** Builds the Y.Map for a new canvas. */
export function writeCanvas(canvas: CanvasInfo): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('id', canvas.id)
  map.set('name', canvas.name)
  return map
}

/** Does the session protect contributions (participants change and delete only their own)? */
export const isProtected = (doc: Y.Doc): boolean => sessionMapOf(doc).get('protect') === true

/** Does the session admit people (participants wait in the lobby until a facilitator admits them)? */
export const isAdmitOn = (doc: Y.Doc): boolean => sessionMapOf(doc).get('admit') === true

/**
 * People removed from the session (control room; written by the server only): person id → true.
 * No names: exports and the board show "Removed person" for what they made.
 */
export const removedOf = (doc: Y.Doc): Y.Map<true> => doc.getMap<true>('removed')

/** The ids of the people removed from the session. */
export const readRemoved = (doc: Y.Doc): Set<string> =>
  new Set([...removedOf(doc).entries()].filter(([, v]) => v === true).map(([id]) => id))

/** Someone waiting to be admitted, as the facilitators' People panel shows them. */
export interface LobbyEntry {
  readonly id: string
  readonly name: string
  /** When they joined (server time, ms). */
  readonly since: number
}

const lobbySchema = z.object({ name: z.string().max(60), since: z.number().finite() })

/** The lobby (facilitator room; written by the server only): person id → { name, since }. */
export const lobbyOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('lobby')

/** Who is waiting to be admitted, longest waiting first; malformed entries are skipped. */
export function readLobby(doc: Y.Doc): LobbyEntry[] {
  const out: LobbyEntry[] = []
  for (const [id, value] of lobbyOf(doc).entries()) {
    const parsed = lobbySchema.safeParse(value)
    if (parsed.success) out.push({ id, ...parsed.data })
  }
  return out.sort((a, b) => a.since - b.since || a.id.localeCompare(b.id))
}

/** Is the board locked for everyone but facilitators? */
export const isBoardLocked = (doc: Y.Doc): boolean => sessionMapOf(doc).get('locked') === true

/** Anonymous mode: nobody's name is shown, exported, or written with what they add. */
export const isAnonymous = (doc: Y.Doc): boolean => sessionMapOf(doc).get('anonymous') === true

export const STEP_MODES = ['free', 'private', 'voting'] as const
export type StepModeName = (typeof STEP_MODES)[number]

/** One agenda step as participants see it (the facilitator's guidance lives in the facilitator room). */
export interface AgendaStep {
  readonly id: string
  /** The title in the session's main language. */
  readonly title: string
  /** The prompt in the session's main language. */
  readonly prompt: string
  /** The title in each of the session's languages. */
  readonly titles: LangText
  /** The prompt in each of the session's languages. */
  readonly prompts: LangText
  readonly minutes: number
  /** Canvas id the step belongs to ('' for none). */
  readonly canvas: string
  /** Frame object id the step points at ('' for none). */
  readonly frame: string
  readonly mode: StepModeName
}

const stepSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.unknown(),
  prompt: z.unknown(),
  minutes: z.number().min(0).max(600),
  canvas: z.string().max(64).default(''),
  frame: z.string().max(64).default(''),
  mode: z.enum(STEP_MODES).default('free'),
})

/** Reads the agenda in order, skipping malformed steps. */
export function readAgenda(doc: Y.Doc): AgendaStep[] {
  const langs = readSessionLangs(doc)
  const main = langs[0] ?? DEFAULT_LANG
  return agendaOf(doc)
    .toArray()
    .flatMap((m) => {
      if (!(m instanceof Y.Map)) return []
      const parsed = stepSchema.safeParse(plainFields(m))
      if (!parsed.success) return []
      const titles = readLangText(parsed.data.title, main, STEP_TITLE_MAX)
      const prompts = readLangText(parsed.data.prompt, main, STEP_PROMPT_MAX)
      if (!titles || !prompts) return []
      const shown = (t: LangText) => textIn(t, main, langs).text
      const step = { ...parsed.data, title: shown(titles), prompt: shown(prompts) }
      return [{ ...step, titles, prompts }]
    })
}

/** A step to write: its title and prompt in the main language, or in each language. */
export type NewStep = Omit<AgendaStep, 'titles' | 'prompts'> & Partial<Pick<AgendaStep, 'titles' | 'prompts'>>

/** Builds the Y.Map for an agenda step (title and prompt stored per language when given so). */
export function writeStep(step: NewStep): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  const { titles, prompts, ...fields } = step
  for (const [k, v] of Object.entries(fields)) map.set(k, v)
  if (titles && Object.keys(titles).length > 0) map.set('title', { ...titles })
  if (prompts && Object.keys(prompts).length > 0) map.set('prompt', { ...prompts })
  return map
}

/** The facilitator room's guidance notes, by step id. */
export const guidanceOf = (doc: Y.Doc): Y.Map<string> => doc.getMap<string>('guidance')
