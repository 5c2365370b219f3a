import * as Y from 'yjs'
import { z } from 'zod'

/**
 * The control room's document (`<session>/control`): state only facilitators may write — the
 * session's title, its Community Commitments and its canvases. Everyone in the session reads it.
 */
const SESSION = 'session'
const COMMITMENTS = 'commitments'
const CANVASES = 'canvases'

export const sessionMapOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SESSION)
export const commitmentsOf = (doc: Y.Doc): Y.Array<string> => doc.getArray<string>(COMMITMENTS)
export const canvasesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(CANVASES)

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
