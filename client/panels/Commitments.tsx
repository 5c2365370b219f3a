import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANG_AUTONYMS, isUiLang, type UiLang } from '../../shared/lang'
import { textIn } from '../../shared/schema/langText'
import { setLanguage } from '../i18n'
import type { SessionCommitments } from '../state'

/**
 * The session's Community Commitments, as a numbered list under a heading, each line in the reader's
 * language when the session has it (else its main language), marked with its language so screen
 * readers switch voice. Says which languages the session has, and lets the reader switch to another
 * of them right there: nobody should agree to words in a language they did not choose.
 */
export function Commitments(props: { commitments: SessionCommitments; loading?: boolean }) {
  const { t, i18n } = useTranslation('pages')
  const headingId = useId()
  const { langs, lines } = props.commitments
  const want: UiLang = isUiLang(i18n.language) ? i18n.language : 'en'
  return (
    <section className="commitments" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commitments.heading')}</h2>
      {!props.loading && <SessionLanguages langs={langs} current={want} />}
      {props.loading ? (
        <p className="muted">{t('commitments.loading')}</p>
      ) : lines.length === 0 ? (
        <p className="muted">{t('commitments.none')}</p>
      ) : (
        <ol>
          {lines.map((line, i) => {
            const shown = textIn(line, want, langs)
            return (
              <li key={i} lang={shown.lang}>
                {shown.text}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

/** "This session is in English and 简体中文", and a switch to read it in the other one. */
function SessionLanguages({ langs, current }: { langs: readonly UiLang[]; current: UiLang }) {
  const { t } = useTranslation('pages')
  const [first, second] = langs
  if (!first) return null
  return (
    // autonyms on purpose: each language named in itself, so anyone finds their own
    <div className="session-langs" data-language-switcher="">
      <p>
        {second
          ? t('commitments.langsTwo', { first: LANG_AUTONYMS[first], second: LANG_AUTONYMS[second] })
          : t('commitments.langsOne', { lang: LANG_AUTONYMS[first] })}
      </p>
      {second && (
        <div role="group" aria-label={t('commitments.readIn')} className="read-in">
          {langs.map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              aria-pressed={lang === current}
              onClick={() => setLanguage(lang)}
            >
              {LANG_AUTONYMS[lang]}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
