import { z } from 'zod'
import { UI_LANGS, isUiLang, type UiLang } from '../lang'

/**
 * The group's own words in each of the session's languages (language → text). A session has one or
 * two languages; the first is its main language, the one every text has.
 */
export type LangText = { readonly [L in UiLang]?: string }

/** A session speaks at most this many languages (a main one and a second). */
export const SESSION_LANGS_MAX = 2

/** A session's languages: known ones only, at most two, no duplicates; the first is the main one. */
export const sessionLangsSchema = z
  .array(z.enum(UI_LANGS, { message: `each language must be one of ${UI_LANGS.join(', ')}` }), {
    message: 'langs must be a list of languages',
  })
  .min(1, 'langs needs at least one language')
  .max(SESSION_LANGS_MAX, `a session has at most ${SESSION_LANGS_MAX} languages`)
  .refine((langs) => new Set(langs).size === langs.length, 'langs lists a language twice')

/**
 * A stored text field: a plain string (documents from before sessions had two languages: the text
 * is in the main language) or a map of language → text. Keys of languages this version does not
 * know are dropped on reading, never an error, so a newer document still loads.
 */
export const storedTextSchema = (max: number) =>
  z.union([z.string().max(max), z.record(z.string(), z.string().max(max))])

/** Reads a stored text field in a session whose main language is `main`; null when malformed. */
export function readLangText(value: unknown, main: UiLang, max: number): LangText | null {
  const parsed = storedTextSchema(max).safeParse(value)
  if (!parsed.success) return null
  if (typeof parsed.data === 'string') return { [main]: parsed.data }
  const out: { [L in UiLang]?: string } = {}
  for (const [lang, text] of Object.entries(parsed.data)) if (isUiLang(lang)) out[lang] = text
  return out
}

/** A text in the language wanted when the session has it and the text is written, else the main one. */
export function textIn(
  t: LangText,
  want: UiLang,
  langs: readonly UiLang[],
): { readonly text: string; readonly lang: UiLang } {
  if (langs.includes(want) && t[want]) return { text: t[want], lang: want }
  const main = langs[0]
  if (main && t[main]) return { text: t[main], lang: main }
  // written only in a language the session no longer lists: better that than nothing
  for (const lang of UI_LANGS) if (t[lang]) return { text: t[lang], lang }
  return { text: '', lang: main ?? UI_LANGS[0] }
}

/** A copy of `t` with one language's text replaced. */
export const withText = (t: LangText, lang: UiLang, text: string): LangText => ({ ...t, [lang]: text })

/**
 * A template's text fitted to a session's languages: the languages the session has, and when it has
 * none of them, the template's words as the main language's (a saved template in another language).
 * A plain string is kept as it is: it reads as the main language.
 */
export function fitText(t: string | LangText, langs: readonly UiLang[]): string | LangText {
  if (typeof t === 'string') return t
  const out: { [L in UiLang]?: string } = {}
  for (const lang of langs) if (t[lang] !== undefined) out[lang] = t[lang]
  if (Object.keys(out).length > 0) return out
  return Object.values(t).find((v) => v !== undefined) ?? ''
}
