import type { z } from 'zod'
import type { RichText } from '../richBlocks'
import { frame } from './frame'
import { image } from './image'
import { recipe } from './recipe'
import { shape } from './shape'
import { sticky } from './sticky'
import { story } from './story'
import { stroke } from './stroke'
import { text } from './text'

/** The registry of every object kind. Adding a kind: a file beside this one, then one line here. */
export const KINDS = {
  sticky,
  text,
  stroke,
  shape,
  frame,
  image,
  recipe,
  story,
} as const

export type ObjectKind = keyof typeof KINDS
export type PropsOf<K extends ObjectKind> = z.infer<(typeof KINDS)[K]['props']>

/** Is this string the name of a kind this build knows? */
export function isObjectKind(kind: unknown): kind is ObjectKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind)
}

/** Is this kind a note (its declaration says so: sticky notes, text and story cards)? */
export const isNoteKind = (kind: string): kind is NoteKind => isObjectKind(kind) && KINDS[kind].note === true

/**
 * Can people vote on objects of this kind, and react to them? Notes, and the kinds whose declaration
 * says `votable: true` (recipe cards, pictures). The server counts votes for these alone.
 */
export const isVotableKind = (kind: unknown): boolean =>
  isObjectKind(kind) && (KINDS[kind].note === true || KINDS[kind].votable === true)

/** The kinds that are notes (those whose declaration says `note: true`). */
export type NoteKind = 'sticky' | 'text' | 'story'

/** Fields every object has, whatever its kind. */
export interface ObjectBase {
  readonly id: string
  readonly canvas: string
  readonly x: number
  readonly y: number
  readonly rotation: number
  readonly z: number
  readonly createdBy: string
  readonly author: string
  readonly createdAt: number
  /** Locked by a facilitator: it cannot be moved, resized or deleted until unlocked. */
  readonly locked: boolean
  /** The author agrees to this being included in exports (default yes; the author can change it). */
  readonly consent: boolean
  /** Hidden from the board by a facilitator (moderation). */
  readonly hidden: boolean
  /** BCP 47 language tag of the text ('' for the session's language), for screen readers and exports. */
  readonly lang: string
  /**
   * A content note shown before the text (e.g. "describes racist abuse"), '' for none: the text stays
   * hidden until a person chooses to read it. Only the author or a facilitator may set or clear it.
   */
  readonly contentNote: string
  /** Marked as a quote: the insight report sets it apart in its theme (author or facilitator decide). */
  readonly quote: boolean
  /** Reactions: emoji → ids of the people who gave it. */
  readonly reactions: Readonly<Record<string, readonly string[]>>
  /** Plain text of the rich text, for kinds that have it ('' otherwise). */
  readonly text: string
  /** The rich text as plain blocks (marks, lists, headings), for kinds that have it ([] otherwise). */
  readonly rich: RichText
}

export type ObjectOf<K extends ObjectKind> = ObjectBase & { readonly kind: K; readonly props: PropsOf<K> }

/** A plain, validated snapshot of one object on the board. */
export type BoardObject = { [K in ObjectKind]: ObjectOf<K> }[ObjectKind]

/** Is this object a note (isNoteKind)? */
export const isNote = (o: BoardObject): o is { [K in NoteKind]: ObjectOf<K> }[NoteKind] => isNoteKind(o.kind)

/** Can people vote on this object and react to it (isVotableKind)? */
export const isVotable = (o: BoardObject): boolean => isVotableKind(o.kind)

export { STICKY_COLORS, type StickyColor } from './sticky'
export { TEXT_SIZES, TEXT_SIZE_PX, type TextSize } from './text'
export { STROKE_WIDTHS, MAX_STROKE_COORDS } from './stroke'
export { SHAPES, type ShapeType } from './shape'
export { IMAGE_TYPES, ALT_MAX, needsDescription } from './image'
export { creditLine, type CreditWords } from './recipe'
export { storyCredit, STORY_TITLE_MAX, STORY_CREDIT_MAX, type StoryCreditWords } from './story'
export { INK_COLORS } from './colors'
