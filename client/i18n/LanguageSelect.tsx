import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { UI_LANGS, isUiLang, type UiLang } from '../../shared/lang'
import { setLanguage } from '.'

/** Each language named in itself, so anyone can find their own whatever the page speaks now. */
const AUTONYMS: Record<UiLang, string> = { en: 'English', 'zh-CN': '简体中文' }

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
            {AUTONYMS[lang]}
          </option>
        ))}
      </select>
    </div>
  )
}
