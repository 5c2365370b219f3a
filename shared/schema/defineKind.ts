import type { z } from 'zod'

/** What every object kind declares about itself: its props, their defaults, and whether it holds rich text. */
export interface KindDefinition<K extends string, P extends Record<string, unknown>> {
  readonly kind: K
  /** Bumped when the props change shape; older objects are upgraded by `migrate`. */
  readonly version: number
  /** Rich-text kinds keep their text in a Y.XmlFragment under the object's `text` key. */
  readonly richText: boolean
  readonly props: z.ZodType<P>
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
