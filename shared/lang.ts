/** The languages the interface and the built-in templates come in; English is the default. */
export const UI_LANGS = ['en', 'zh-CN'] as const
export type UiLang = (typeof UI_LANGS)[number]
export const DEFAULT_LANG: UiLang = 'en'

/** True for a language the interface and templates come in. */
export const isUiLang = (value: unknown): value is UiLang =>
  typeof value === 'string' && (UI_LANGS as readonly string[]).includes(value)

/** Each language named in itself, so anyone can find their own whatever language a page is in. */
export const LANG_AUTONYMS: { readonly [L in UiLang]: string } = { en: 'English', 'zh-CN': '简体中文' }

/** A text given in every interface language (built-in templates). */
export type LocalText = { readonly [L in UiLang]: string }

/**
 * Languages a note can be tagged with (BCP 47), so screen readers pronounce it right. A short list of
 * languages common in the communities these sessions serve; '' means "same as the board".
 */
export const NOTE_LANGS = [
  'en',
  'zh-CN',
  'zh-TW',
  'es',
  'fr',
  'ar',
  'pt',
  'ru',
  'hi',
  'bn',
  'ur',
  'pl',
  'so',
  'vi',
  'ja',
  'ko',
] as const
export type NoteLang = (typeof NOTE_LANGS)[number]

/** A BCP 47 language tag as notes store it ('' for the board's own language). */
export const LANG_TAG = /^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3})?$/
