import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANG, isUiLang, type UiLang } from '../../shared/lang'
import { textIn, type LangText } from '../../shared/schema/langText'

/**
 * Picks the group's words for this person: in their interface language when the session has it and
 * the text is written in it, else in the main language. The language comes back too, for `lang=`.
 */
export function useShownText(langs: readonly UiLang[]) {
  const { i18n } = useTranslation()
  const want = isUiLang(i18n.language) ? i18n.language : DEFAULT_LANG
  return useCallback((t: LangText) => textIn(t, want, langs), [want, langs])
}
