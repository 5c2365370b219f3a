import { useId } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { shortText } from '../panels/objectLabels'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

/** What the votes chose: every note, recipe card or picture that got votes, most first. */
export function ResultsPanel(props: { fac: Facilitation; lookup: (id: string) => BoardObject | undefined }) {
  const { t } = useTranslation('facilitation')
  const headingId = useId()
  const ranked = Object.entries(props.fac.state.results).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  return (
    <section className="results-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('results.heading')}</h2>
      {ranked.length === 0 ? (
        <p className="muted">{t('results.none')}</p>
      ) : (
        <ol aria-labelledby={headingId}>
          {ranked.map(([id, votes]) => {
            const o = props.lookup(id)
            const text = o ? shortText(o) || t('results.untitled') : t('results.gone')
            return (
              <li key={id}>
                <strong>{t('votes', { count: votes })}</strong> — {text}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
