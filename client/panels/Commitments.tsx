import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** The session's Community Commitments, as a numbered list under a heading. */
export function Commitments(props: { commitments: readonly string[]; loading?: boolean }) {
  const { t } = useTranslation('pages')
  const headingId = useId()
  return (
    <section className="commitments" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commitments.heading')}</h2>
      {props.loading ? (
        <p className="muted">{t('commitments.loading')}</p>
      ) : props.commitments.length === 0 ? (
        <p className="muted">{t('commitments.none')}</p>
      ) : (
        <ol>
          {props.commitments.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      )}
    </section>
  )
}
