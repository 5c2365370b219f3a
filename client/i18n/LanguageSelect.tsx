import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANG_AUTONYMS, UI_LANGS, isUiLang } from '../../shared/lang'
import { setLanguage } from '.'

/** The per-person language choice: a labelled select, remembered on this device. */
export function LanguageSelect(props: { className?: string }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <div className={`language-select ${props.className ?? ''}`} data-language-switcher="">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          if (isUiLang(e.target.value)) setLanguage(e.target.value)
        }}
      >
        {UI_LANGS.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANG_AUTONYMS[lang]}
          </option>
        ))}
      </select>
    </div>
  )
}
