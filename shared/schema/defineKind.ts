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

/** What every object kind declares about itself: its props, their defaults, and whether it holds rich text. */
export interface KindDefinition<K extends string, P extends Record<string, unknown>> {
  readonly kind: K
  /** Bumped when the props change shape; older objects are upgraded by `migrate`. */
  readonly version: number
  /** Rich-text kinds keep their text in a Y.XmlFragment under the object's `text` key. */
  readonly richText: boolean
  /**
   * A note: words a person contributes (sticky notes, text). Notes are what people vote on, react
   * to, group into themes, tag with a language and give or withhold consent for.
   */
  readonly note?: boolean
  readonly props: z.ZodObject<{ [F in keyof P]: z.ZodType<P[F]> }>
  readonly access: KindAccess
  readonly defaults: () => P
  /** Upgrades props written by an older version of this kind; returns them unchanged by default. */
  readonly migrate?: (props: Record<string, unknown>, fromVersion: number) => Record<string, unknown>
}

/** Declares an object kind; the identity function keeps the literal types. */
export function defineKind<K extends string, P extends Record<string, unknown>>(
  def: KindDefinition<K, P>,
): KindDefinition<K, P> {
  return def
}
