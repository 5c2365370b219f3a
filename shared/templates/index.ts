import { DEFAULT_LANG, type UiLang } from '../lang'
import { collage } from './collage'
import { flipchart } from './flipchart'
import { localize, type BuiltInTemplate } from './localize'
import { recipeWall } from './recipeWall'
import { senseMaking } from './senseMaking'
import type { Template } from './types'

/** Every built-in template in every interface language, in the order the home page offers them. */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [senseMaking, collage, recipeWall, flipchart]

/** The built-in templates in one language. */
export const templatesIn = (lang: UiLang): Template[] => BUILT_IN_TEMPLATES.map((t) => localize(t, lang))

/** The built-in templates in English (the default language). */
export const TEMPLATES: readonly Template[] = templatesIn(DEFAULT_LANG)

/** Finds a built-in template by id, in `lang` or a session's languages (English by default). */
export function findTemplate(
  id: string,
  lang: UiLang | readonly UiLang[] = DEFAULT_LANG,
): Template | undefined {
  const found = BUILT_IN_TEMPLATES.find((t) => t.id === id)
  return found && localize(found, lang)
}

export type { Template, TemplateCanvas } from './types'
export type { BuiltInTemplate } from './localize'
export { buildSessionDocs } from './buildSession'
