import * as Y from 'yjs'
import { z } from 'zod'

/**
 * The control room's document (`<session>/control`): state only facilitators may write — the
 * session's title, its Community Commitments and its canvases. Everyone in the session reads it.
 */
const SESSION = 'session'
const COMMITMENTS = 'commitments'
const CANVASES = 'canvases'
const AGENDA = 'agenda'

export const sessionMapOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SESSION)
export const commitmentsOf = (doc: Y.Doc): Y.Array<string> => doc.getArray<string>(COMMITMENTS)
export const canvasesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(CANVASES)
export const agendaOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(AGENDA)

export interface SessionInfo {
  readonly title: string
  readonly template: string
  /** While locked, only facilitators may change the board (the server drops everyone else's writes). */
  readonly locked: boolean
}

export interface CanvasInfo {
  readonly id: string
  readonly name: string
}

const canvasSchema = z.object({ id: z.string().min(1).max(64), name: z.string().max(200) })

/** Reads the session's title and template id. */
export function readSessionInfo(doc: Y.Doc): SessionInfo {
  const map = sessionMapOf(doc)
  const title = map.get('title')
  const template = map.get('template')
  return {
    title: typeof title === 'string' ? title : '',
    template: typeof template === 'string' ? template : '',
    locked: isBoardLocked(doc),
  }
}

/** Reads the Community Commitments, skipping anything that is not text. */
export function readCommitments(doc: Y.Doc): string[] {
  return commitmentsOf(doc)
    .toArray()
    .filter((c): c is string => typeof c === 'string')
}

/** Reads the canvases in their order, skipping malformed entries. */
export function readCanvases(doc: Y.Doc): CanvasInfo[] {
  const out: CanvasInfo[] = []
  for (const map of canvasesOf(doc).toArray()) {
    if (!(map instanceof Y.Map)) continue
    const parsed = canvasSchema.safeParse(map.toJSON())
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

/** Is the board locked for everyone but facilitators? */
export const isBoardLocked = (doc: Y.Doc): boolean => sessionMapOf(doc).get('locked') === true

export const STEP_MODES = ['free', 'private', 'voting'] as const
export type StepModeName = (typeof STEP_MODES)[number]

/** One agenda step as participants see it (the facilitator's guidance lives in the facilitator room). */
export interface AgendaStep {
  readonly id: string
  readonly title: string
  readonly prompt: string
  readonly minutes: number
  /** Canvas id the step belongs to ('' for none). */
  readonly canvas: string
  /** Frame object id the step points at ('' for none). */
  readonly frame: string
  readonly mode: StepModeName
}

const stepSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200),
  prompt: z.string().max(2000),
  minutes: z.number().min(0).max(600),
  canvas: z.string().max(64).default(''),
  frame: z.string().max(64).default(''),
  mode: z.enum(STEP_MODES).default('free'),
})

/** Reads the agenda in order, skipping malformed steps. */
export function readAgenda(doc: Y.Doc): AgendaStep[] {
  return agendaOf(doc)
    .toArray()
    .flatMap((m) => {
      if (!(m instanceof Y.Map)) return []
      const parsed = stepSchema.safeParse(m.toJSON())
      return parsed.success ? [parsed.data] : []
    })
}

/** Builds the Y.Map for an agenda step. */
export function writeStep(step: AgendaStep): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(step)) map.set(k, v)
  return map
}

/** The facilitator room's guidance notes, by step id. */
export const guidanceOf = (doc: Y.Doc): Y.Map<string> => doc.getMap<string>('guidance')
