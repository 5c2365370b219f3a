/**
 * What a reader left out because it could not read it, counted by what it was: an entry of the
 * objects map that is not an object, a step of the agenda that is a string, a note's text nested
 * deeper than any editor makes it. Readers skip and count; one bad entry never stops a whole read,
 * and whoever asked (an export, Reveal, a log line) can say how much was left out.
 */
export type Skipped = Readonly<Partial<Record<SkipWhat, number>>>

/** The things a reader may skip, as a log line or an export names them (in this order). */
const SKIP_WHATS = [
  'objects',
  'richText',
  'canvases',
  'agenda',
  'commitments',
  'guidance',
  'votes',
  'rooms',
] as const
export type SkipWhat = (typeof SKIP_WHATS)[number]

/** A counter a reader adds to as it skips; `counts` is the plain result. */
export interface SkipCounter {
  add(what: SkipWhat, n?: number): void
  readonly counts: Skipped
}

/** A new, empty skip counter. */
export function skipCounter(): SkipCounter {
  const counts: Partial<Record<SkipWhat, number>> = {}
  return {
    add(what, n = 1) {
      if (n > 0) counts[what] = (counts[what] ?? 0) + n
    },
    counts,
  }
}

/** How many things were skipped in all. */
export const skippedTotal = (s: Skipped): number => Object.values(s).reduce((a, n) => a + (n ?? 0), 0)

/** Skip counts added together (several rooms, several reads). */
export function addSkipped(...all: readonly Skipped[]): Skipped {
  const out = skipCounter()
  for (const s of all) for (const [what, n] of Object.entries(s)) out.add(what as SkipWhat, n)
  return out.counts
}

/**
 * "skipped 3 unreadable entries (2 objects, 1 richText)" — the one wording of a log line or a
 * command's message; '' when nothing was skipped.
 */
export function describeSkipped(s: Skipped): string {
  const total = skippedTotal(s)
  if (total === 0) return ''
  const parts = SKIP_WHATS.filter((what) => (s[what] ?? 0) > 0).map((what) => `${s[what]} ${what}`)
  return `skipped ${total} unreadable ${total === 1 ? 'entry' : 'entries'} (${parts.join(', ')})`
}
