import * as Y from 'yjs'
import { objectsOf, readObject, textOf } from '../schema/boardDoc'
import {
  agendaOf,
  canvasesOf,
  commitmentsOf,
  guidanceOf,
  readAgenda,
  readCanvases,
  readCommitmentTexts,
  readCommitments,
  readRemoved,
  readSessionInfo,
  type AgendaStep,
  type CanvasInfo,
} from '../schema/controlDoc'
import { isVoteCount, readFacilitation, resultsOf, type FacilitationState } from '../schema/facilitation'
import { boundsOf, contains } from '../schema/geometry'
import type { BoardObject } from '../schema/kinds'
import type { LangText } from '../schema/langText'
import { readRichText, type RichNode } from '../schema/richText'
import { skipCounter, type SkipCounter, type Skipped } from '../schema/skipped'
import type { UiLang } from '../lang'

/** Everything a report needs about a session, as plain data read from its rooms. */
export interface SessionSnapshot {
  readonly title: string
  readonly template: string
  /** Whether participants change and delete only what they added (Protect contributions). */
  readonly protect: boolean
  /** Whether participants wait to be admitted (Admit people). */
  readonly admit: boolean
  /** The session's languages, the main one first. */
  readonly langs: readonly UiLang[]
  /** The Community Commitments in the main language. */
  readonly commitments: readonly string[]
  /** The Community Commitments in each of the session's languages. */
  readonly commitmentTexts: readonly LangText[]
  readonly canvases: readonly CanvasInfo[]
  readonly agenda: readonly (AgendaStep & { readonly guidance: string })[]
  readonly facilitation: FacilitationState
  /** The objects on the session's canvases that could be read. */
  readonly objects: readonly BoardObject[]
  readonly richText: Readonly<Record<string, RichNode[]>>
  /** What could not be read and is left out of the snapshot, by what it was. */
  readonly skipped: Skipped
}

/** The author shown, in every report, for what a person removed from the session made. */
export const REMOVED_AUTHOR = 'Removed person'

export interface SnapshotOptions {
  /** Name removed people as the board did (a facilitator's choice); without it they are "Removed person". */
  readonly includeRemoved?: boolean
}

/** A step's guidance is at most this long (as the facilitator panel and the JSON import allow). */
const GUIDANCE_MAX = 4000

/**
 * Reads a snapshot from a session's board, control and (optionally) facilitator documents. Never
 * throws on what the documents hold: anything that cannot be read is left out and counted in `skipped`.
 */
export function readSnapshot(
  board: Y.Doc,
  control: Y.Doc,
  facilitator?: Y.Doc,
  options: SnapshotOptions = {},
): SessionSnapshot {
  const skipped = skipCounter()
  const canvases = readCanvases(control)
  skipped.add('canvases', canvasesOf(control).length - canvases.length)
  const read = readObjects(board, new Set(canvases.map((c) => c.id)), skipped)
  const { richText } = read
  const removed = options.includeRemoved ? new Set<string>() : readRemoved(control)
  const objects = read.objects.map((o) => (removed.has(o.createdBy) ? { ...o, author: REMOVED_AUTHOR } : o))
  const info = readSessionInfo(control)
  const agenda = readAgenda(control)
  skipped.add('agenda', agendaOf(control).length - agenda.length)
  const commitmentTexts = readCommitmentTexts(control)
  skipped.add('commitments', commitmentsOf(control).length - commitmentTexts.length)
  const facilitation = readFacilitation(control)
  for (const n of resultsOf(control).values()) if (!isVoteCount(n)) skipped.add('votes')
  const guidance = facilitator ? guidanceOf(facilitator) : null
  const guidanceFor = (id: string): string => {
    const text: unknown = guidance?.get(id)
    if (text === undefined) return ''
    if (typeof text === 'string') return text.slice(0, GUIDANCE_MAX)
    skipped.add('guidance')
    return ''
  }
  return {
    title: info.title,
    template: info.template,
    protect: info.protect,
    admit: info.admit,
    langs: info.langs,
    commitments: readCommitments(control),
    commitmentTexts,
    canvases,
    agenda: agenda.map((s) => ({ ...s, guidance: guidanceFor(s.id) })),
    facilitation,
    objects,
    richText,
    skipped: skipped.counts,
  }
}

/** The board's readable objects on known canvases, in drawing order, with their rich text. */
function readObjects(board: Y.Doc, canvases: ReadonlySet<string>, skipped: SkipCounter) {
  const objects: BoardObject[] = []
  const richText: Record<string, RichNode[]> = {}
  for (const [id, map] of objectsOf(board).entries()) {
    const r = readObject(id, map)
    // an object on a canvas that is gone (deleted while someone added to it) belongs to no report
    if (!r.ok || !canvases.has(r.object.canvas)) {
      skipped.add('objects')
      continue
    }
    objects.push(r.object)
    const fragment = textOf(board, id)
    if (fragment) richText[id] = readRichText(fragment, skipped)
  }
  objects.sort((a, b) => a.z - b.z || a.id.localeCompare(b.id))
  return { objects, richText }
}

/** Loads a document from stored updates. */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u)
  })
  return doc
}

/** May this object leave the room in a report? Not when its author withheld consent, nor when hidden. */
export const isExportable = (o: BoardObject): boolean => o.consent && !o.hidden

/** An object with every name taken off (an anonymous session): its author, a recipe's credits, a story's teller. */
export function withoutNames(o: BoardObject): BoardObject {
  if (o.kind === 'recipe') return { ...o, author: '', props: { ...o.props, anonymous: true, credits: [] } }
  if (o.kind === 'story') return { ...o, author: '', props: { ...o.props, anonymous: true, credit: '' } }
  return { ...o, author: '' }
}

/** The credit for an object in a report: its author, or nothing in an anonymous session. */
export const creditFor = (o: BoardObject, anonymous: boolean): string => (anonymous ? '' : o.author)

/**
 * Who told a story, in a report: the name it is credited to, or nothing when the story is anonymous,
 * credits no one, or the session is anonymous.
 */
export const storyCreditFor = (o: BoardObject & { kind: 'story' }, anonymous: boolean): string =>
  anonymous || o.props.anonymous ? '' : o.props.credit.trim()

/** The innermost frame holding an object (by its centre), or null. */
export function frameOf(o: BoardObject, frames: readonly BoardObject[]): BoardObject | null {
  const b = boundsOf(o)
  const cx = b.x + b.w / 2
  const cy = b.y + b.h / 2
  let best: BoardObject | null = null
  for (const f of frames) {
    if (f.id === o.id || f.canvas !== o.canvas) continue
    const fb = boundsOf(f)
    if (cx < fb.x || cy < fb.y || cx > fb.x + fb.w || cy > fb.y + fb.h) continue
    if (!best || contains(boundsOf(best), fb)) best = f
  }
  return best
}

/** Frame title of an object, or ''. */
export const frameTitle = (f: BoardObject | null): string => (f?.kind === 'frame' ? f.props.title : '')

/** Total reactions of an object, per emoji. */
export const reactionCounts = (o: BoardObject): [string, number][] =>
  Object.entries(o.reactions)
    .map(([emoji, who]) => [emoji, who.length] as [string, number])
    .filter(([, n]) => n > 0)
