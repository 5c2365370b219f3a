import { useId, useState } from 'react'
import { Commitments } from '../panels/Commitments'
import { RemoveMine } from './RemoveMine'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

/**
 * The Community Commitments; for a facilitator, how many agreed or would like to discuss (never who)
 * and the commitments to edit. Everyone can take back what they added.
 */
export function CommitmentsPanel({
  fac,
  commitments,
}: {
  fac: Facilitation
  commitments: readonly string[]
}) {
  const { t } = useTranslation('facilitation')
  const { agree, discuss } = fac.state.answers
  return (
    <div className="commitments-panel">
      <Commitments commitments={commitments} />
      {fac.isFacilitator && (
        <>
          <p className="answer-counts" aria-label={t('commitments.answersLabel')}>
            {t('commitments.answers', { agree, discuss })}
          </p>
          <CommitmentsEditor fac={fac} commitments={commitments} />
        </>
      )}
      {fac.canWrite && <RemoveMine fac={fac} />}
    </div>
  )
}

function CommitmentsEditor({ fac, commitments }: { fac: Facilitation; commitments: readonly string[] }) {
  const { t } = useTranslation('facilitation')
  const id = useId()
  const [draft, setDraft] = useState('')
  const add = () => {
    if (!draft.trim()) return
    fac.session.addCommitment(draft.trim())
    setDraft('')
  }
  return (
    <details className="commitments-editor">
      <summary>{t('commitments.edit')}</summary>
      <ol>
        {commitments.map((text, i) => (
          // the position is the commitment's identity in the shared list
          <li key={`${i}:${text}`}>
            <label className="visually-hidden" htmlFor={`${id}-${i}`}>
              {t('commitments.line', { n: i + 1 })}
            </label>
            <input
              id={`${id}-${i}`}
              defaultValue={text}
              maxLength={500}
              onBlur={(e) => e.target.value !== text && fac.session.setCommitment(i, e.target.value)}
            />
            <button
              type="button"
              aria-label={t('commitments.remove', { n: i + 1 })}
              onClick={() => fac.session.removeCommitment(i)}
            >
              {t('commitments.removeShort')}
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={`${id}-new`}>{t('commitments.newLine')}</label>
      <input
        id={`${id}-new`}
        value={draft}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <button type="button" onClick={add}>
        {t('commitments.add')}
      </button>
    </details>
  )
}
