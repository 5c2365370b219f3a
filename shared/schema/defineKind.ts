import type { z } from 'zod'
import type { Role } from '../rooms'

/**
 * Who may do what with objects of a kind, beyond the rules every kind shares (shared/schema/rules.ts):
 * which roles may create one, and which of its props are its author's alone or the facilitators' alone.
 * The relay enforces it; the interface reads it to offer only what a person may do.
 */
export interface KindAccess {
  readonly create: readonly Role[]
  /** Props only the object's author may change (credit, anonymity). */
  readonly authorProps?: readonly string[]
  /** Props only facilitators may change. */
  readonly facilitatorProps?: readonly string[]
}

/**
 * One named step that takes a kind's props from the version before `version` to `version` (a
 * schema version: shared/schema/migrations.ts). Pure: plain props in, plain props out, so the same
 * step upgrades a stored object, a JSON export's object and a tab's unsent work.
 */
export interface KindStep {
  readonly version: number
  readonly name: string
  readonly up: (props: Readonly<Record<string, unknown>>) => Record<string, unknown>
}

/** What every object kind declares about itself: its props, their defaults, and whether it holds rich text. */
export interface KindDefinition<K extends string, P extends Record<string, unknown>> {
  readonly kind: K
  /**
   * The schema version at which this kind's props last changed shape (1 for a kind unchanged since
   * versions began): objects carry it as `v`. Equal to its last step's version.
   */
  readonly version: number
  /** Rich-text kinds keep their text in a Y.XmlFragment under the object's `text` key. */
  readonly richText: boolean
  /**
   * A note: words a person contributes (sticky notes, text). Notes are what people vote on, react
   * to, group into themes, tag with a language and give or withhold consent for.
   */
  readonly note?: boolean
  /**
   * Not a note, but people respond to it as to one: they vote on it in dot voting and react to it
   * (a recipe card on a recipe wall, a picture in a collage). Notes always take votes and reactions.
   */
  readonly votable?: boolean
  readonly props: z.ZodObject<{ [F in keyof P]: z.ZodType<P[F]> }>
  readonly access: KindAccess
  readonly defaults: () => P
  /** The steps that upgrade props written by older versions of this kind, oldest first. */
  readonly migrations?: readonly KindStep[]
}

/** Declares an object kind; the identity function keeps the literal types. */
export function defineKind<K extends string, P extends Record<string, unknown>>(
  def: KindDefinition<K, P>,
): KindDefinition<K, P> {
  return def
}

/** The kind as the upgrade machinery sees it (any kind, whatever its props). */
export type AnyKind = Pick<KindDefinition<string, Record<string, unknown>>, 'kind' | 'version' | 'migrations'>

/**
 * Takes props written at kind version `from` up to the kind's version, step by step; returns them
 * unchanged when there is nothing to do. Never called with a version newer than the kind's.
 */
export function migrateProps(
  def: AnyKind,
  props: Readonly<Record<string, unknown>>,
  from: number,
): Record<string, unknown> {
  let out: Record<string, unknown> = { ...props }
  for (const step of def.migrations ?? []) if (step.version > from) out = step.up(out)
  return out
}
