import { useId, useState } from 'react'
import { LANG_AUTONYMS, UI_LANGS, isUiLang, type UiLang } from '../../shared/lang'
import { Commitments } from '../panels/Commitments'
import type { SessionCommitments } from '../state'
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
  commitments: SessionCommitments
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

/**
 * A field per line and per session language ("Commitment 1 (简体中文)"): the facilitator writes or
 * corrects the group's words in each language. A new line starts in the main language.
 */
function CommitmentsEditor({ fac, commitments }: { fac: Facilitation; commitments: SessionCommitments }) {
  const { t } = useTranslation('facilitation')
  const { langs, lines } = commitments
  const label = (n: number, lang: UiLang) =>
    langs.length > 1
      ? t('commitments.lineIn', { n, lang: LANG_AUTONYMS[lang] })
      : t('commitments.line', { n })
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
        {lines.map((line, i) => (
          // the position is the commitment's identity in the shared list
          <li key={`${i}:${JSON.stringify(line)}`}>
            {langs.map((lang) => (
              <span key={lang} className="commitment-field">
                <label className="visually-hidden" htmlFor={`${id}-${i}-${lang}`}>
                  {label(i + 1, lang)}
                </label>
                <input
                  id={`${id}-${i}-${lang}`}
                  lang={lang}
                  defaultValue={line[lang] ?? ''}
                  maxLength={500}
                  onBlur={(e) =>
                    e.target.value !== (line[lang] ?? '') &&
                    fac.session.setCommitment(i, e.target.value, lang)
                  }
                />
              </span>
            ))}
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
      <SecondLanguage fac={fac} langs={langs} />
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

/** The session's second language, which the facilitator can add or take away after it started. */
function SecondLanguage({ fac, langs }: { fac: Facilitation; langs: readonly UiLang[] }) {
  const { t } = useTranslation('facilitation')
  const id = useId()
  const [main, second] = langs
  return (
    <p className="second-language">
      <label htmlFor={id}>{t('commitments.secondLang')}</label>{' '}
      <select
        id={id}
        value={second ?? ''}
        onChange={(e) => fac.session.setSecondLang(isUiLang(e.target.value) ? e.target.value : null)}
      >
        <option value="">{t('commitments.noSecondLang')}</option>
        {UI_LANGS.filter((lang) => lang !== main).map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANG_AUTONYMS[lang]}
          </option>
        ))}
      </select>
    </p>
  )
}
