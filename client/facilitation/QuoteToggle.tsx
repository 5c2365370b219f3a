import type { BoardObject } from '../../shared/schema/kinds'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

/** Kinds that can be marked as quotes: the words people write (sticky notes and text). */
export const quotable = (o: BoardObject): boolean => o.kind === 'sticky' || o.kind === 'text'

/**
 * "Mark as quote": picks notes out for the insight report, which sets them apart in their theme.
 * A toggle (pressed while every one of them is a quote); offered only on notes this person may mark
 * (their own, or any as a facilitator: the relay refuses anyone else).
 */
export function QuoteToggle({ fac, objects }: { fac: Facilitation; objects: readonly BoardObject[] }) {
  const { t } = useTranslation('report')
  const on = objects.every((o) => o.quote)
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() =>
        fac.contributions.setQuote(
          objects.map((o) => o.id),
          !on,
        )
      }
    >
      {t('markQuote')}
    </button>
  )
}

/** The notes among `objects` this person may mark as quotes, or none unless they may mark them all. */
export function markableQuotes(fac: Facilitation, objects: readonly BoardObject[]): BoardObject[] {
  const notes = objects.filter((o) => quotable(o) && !fac.privateIds.has(o.id))
  return notes.length > 0 && notes.every((o) => fac.model.may.author(o, 'quote')) ? notes : []
}
