import { useState } from 'react'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

/**
 * "Remove everything I added", asked twice: the board and the private room alike. In the person's
 * own entry in People it goes without its heading (the entry says who it is about).
 */
export function RemoveMine({ fac, heading = true }: { fac: Facilitation; heading?: boolean }) {
  const { t } = useTranslation(['facilitation', 'common'])
  const [asking, setAsking] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const ask = () => {
    const n = fac.contributions.countMine()
    setMessage(n === 0 ? t('removeMine.nothing') : '')
    setAsking(n === 0 ? null : n)
  }
  const remove = () => {
    setMessage(t('removeMine.done', { count: fac.contributions.removeMine() }))
    setAsking(null)
  }
  return (
    <section className="remove-mine">
      {heading && <h3>{t('removeMine.heading')}</h3>}
      {fac.model.readOnly && <p className="muted">{t('removeMine.locked')}</p>}
      {asking === null ? (
        <button type="button" className="danger" onClick={ask}>
          {t('removeMine.remove')}
        </button>
      ) : (
        <div role="group" aria-label={t('removeMine.remove')}>
          <p>{t('removeMine.confirm', { count: asking })}</p>
          <button type="button" className="danger" onClick={remove}>
            {t('removeMine.yes')}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t('common:cancel')}
          </button>
        </div>
      )}
      <p aria-live="polite">{message}</p>
    </section>
  )
}
