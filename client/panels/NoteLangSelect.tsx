import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_LANGS } from '../../shared/lang'

/**
 * Which language a note is written in: "Same as the board", or one of a few common languages. The
 * tag sets `lang` on the note wherever it is shown as text, so screen readers pronounce it right.
 */
export function NoteLangSelect(props: {
  /** The notes' shared tag, '' for the board's language, null when they differ. */
  value: string | null
  onChange: (lang: string) => void
  /** The select's accessible name (the list view names the note it belongs to). */
  label?: string
  disabled?: boolean
  className?: string
}) {
  const { t } = useTranslation(['panels', 'common'])
  const id = useId()
  const known = (NOTE_LANGS as readonly string[]).includes(props.value ?? '')
  return (
    <span className={`note-lang ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.label ? 'visually-hidden' : undefined}>
        {props.label ?? t('noteLang.label')}
      </label>
      <select
        id={id}
        value={props.value ?? 'mixed'}
        disabled={props.disabled}
        onChange={(e) => e.target.value !== 'mixed' && props.onChange(e.target.value)}
      >
        {props.value === null && <option value="mixed">—</option>}
        <option value="">{t('noteLang.same')}</option>
        {NOTE_LANGS.map((lang) => (
          <option key={lang} value={lang}>
            {t(`common:languageNames.${lang}`)}
          </option>
        ))}
        {/* a tag set elsewhere (an import, another app) is kept and shown as it is */}
        {props.value && !known && <option value={props.value}>{props.value}</option>}
      </select>
    </span>
  )
}
