import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANG_AUTONYMS, UI_LANGS, isUiLang, type UiLang } from '../../shared/lang'

/**
 * The session's languages on the Create form: a main language (the interface's by default) and an
 * optional second one. Built-in commitments and prompts then come in both, and each person reads
 * them in their own interface language when the session has it.
 */
export function SessionLanguages(props: {
  langs: readonly UiLang[]
  onChange: (langs: readonly UiLang[]) => void
}) {
  const { t } = useTranslation('pages')
  const id = useId()
  const [main = UI_LANGS[0], second] = props.langs
  const setMain = (lang: UiLang) => props.onChange(second && second !== lang ? [lang, second] : [lang])
  const setSecond = (value: string) =>
    props.onChange(isUiLang(value) && value !== main ? [main, value] : [main])
  return (
    <fieldset className="session-languages">
      <legend>{t('home.languages')}</legend>
      <label htmlFor={`${id}-main`}>{t('home.mainLanguage')}</label>
      <select
        id={`${id}-main`}
        value={main}
        onChange={(e) => isUiLang(e.target.value) && setMain(e.target.value)}
      >
        {UI_LANGS.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANG_AUTONYMS[lang]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-second`}>{t('home.secondLanguage')}</label>
      <select
        id={`${id}-second`}
        value={second ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setSecond(e.target.value)}
      >
        <option value="">{t('home.noSecondLanguage')}</option>
        {UI_LANGS.filter((lang) => lang !== main).map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANG_AUTONYMS[lang]}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-hint`}>
        {t('home.languagesHint')}
      </p>
    </fieldset>
  )
}
