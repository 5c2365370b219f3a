import type { LocalText, UiLang } from '../lang'
import type { LangText } from '../schema/langText'
import type { StepMode, Template, TemplateFrame, TemplateText } from './types'

/** A text in English and Simplified Chinese. */
export const text = (en: string, zh: string): LocalText => ({ en, 'zh-CN': zh })

/** A built-in template: every text in each interface language, so a session starts in its creator's. */
export interface BuiltInTemplate {
  readonly id: string
  readonly title: LocalText
  readonly description: LocalText
  readonly commitments: readonly LocalText[]
  readonly canvases: readonly {
    readonly key: string
    readonly name: LocalText
    readonly frames?: readonly (Omit<TemplateFrame, 'title'> & { readonly title: LocalText })[]
  }[]
  readonly agenda: readonly {
    readonly title: LocalText
    readonly prompt: LocalText
    readonly guidance: LocalText
    readonly minutes: number
    readonly canvas: string
    /** The step's frame, by its place among its canvas's frames. */
    readonly frame?: number
    readonly mode: StepMode
  }[]
  readonly protect?: boolean
  readonly admit?: boolean
}

/**
 * A built-in template in one language, or in a session's languages (the main one first): then the
 * commitments and the steps' titles and prompts come in each of them, everything else in the main
 * one. The session made from it holds these words as its own: the group edits them from then on, so
 * they are never translated again on the fly.
 */
export function localize(t: BuiltInTemplate, langs: UiLang | readonly UiLang[]): Template {
  const lang = typeof langs === 'string' ? langs : langs[0]!
  const words = (x: LocalText): TemplateText =>
    typeof langs === 'string' ? x[langs] : (Object.fromEntries(langs.map((l) => [l, x[l]])) as LangText)
  const frameTitle = (canvas: string, index: number): string | undefined =>
    t.canvases.find((c) => c.key === canvas)?.frames?.[index]?.title[lang]
  return {
    id: t.id,
    title: t.title[lang],
    description: t.description[lang],
    commitments: t.commitments.map(words),
    canvases: t.canvases.map((c) => ({
      key: c.key,
      name: c.name[lang],
      ...(c.frames ? { frames: c.frames.map((f) => ({ ...f, title: f.title[lang] })) } : {}),
    })),
    agenda: t.agenda.map((s) => {
      const frame = s.frame === undefined ? undefined : frameTitle(s.canvas, s.frame)
      return {
        title: words(s.title),
        prompt: words(s.prompt),
        guidance: s.guidance[lang],
        minutes: s.minutes,
        canvas: s.canvas,
        ...(frame !== undefined ? { frame } : {}),
        mode: s.mode,
      }
    }),
    ...(t.protect ? { protect: true } : {}),
    ...(t.admit ? { admit: true } : {}),
  }
}
