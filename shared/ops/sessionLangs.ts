import type * as Y from 'yjs'
import type { LocalText, UiLang } from '../lang'
import {
  agendaOf,
  commitmentsOf,
  readSessionInfo,
  readSessionLangs,
  sessionMapOf,
} from '../schema/controlDoc'
import { readLangText, withText, type LangText } from '../schema/langText'
import { LIMITS } from '../schema/limits'
import { BUILT_IN_TEMPLATES } from '../templates'
import { DEFAULT_COMMITMENTS } from '../templates/commitments'
import type { Origin } from './origin'

/** The built-in text whose words in `main` are exactly `text`, if any. */
const builtIn = (texts: readonly LocalText[], main: UiLang, text: string | undefined) =>
  text ? texts.find((t) => t[main] === text) : undefined

/** `t` with `lang` filled from the built-in text it matches, when it has no words in `lang` yet. */
function filled(t: LangText, texts: readonly LocalText[], main: UiLang, lang: UiLang): LangText | null {
  if (t[lang]) return null
  const match = builtIn(texts, main, t[main])
  return match ? withText(t, lang, match[lang]) : null
}

/**
 * Gives the session a second language, or none (the main language stays). Where the group's words
 * are still a built-in template's, the new language's words are filled in from it: a session started
 * in English alone can then welcome a Mandarin speaker with the commitments in Chinese at once.
 * Words the group wrote itself are left for the facilitator to write in the new language.
 */
export function setSecondLang(control: Y.Doc, second: UiLang | null, origin: Origin): void {
  const main = readSessionLangs(control)[0]!
  if (second === main) return
  control.transact(() => {
    sessionMapOf(control).set('langs', second ? [main, second] : [main])
    if (!second) return // the second language's words stay in the document, unused until it is back
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === readSessionInfo(control).template)
    const commitments = [...DEFAULT_COMMITMENTS, ...(template?.commitments ?? [])]
    const list = commitmentsOf(control)
    list.toArray().forEach((value, i) => {
      const t = readLangText(value, main, LIMITS.commitmentMax)
      const next = t && filled(t, commitments, main, second)
      if (!next) return
      list.delete(i, 1)
      list.insert(i, [next])
    })
    const titles = template?.agenda.map((s) => s.title) ?? []
    const prompts = template?.agenda.map((s) => s.prompt) ?? []
    for (const step of agendaOf(control).toArray()) {
      for (const [key, texts, max] of [
        ['title', titles, 200],
        ['prompt', prompts, 2000],
      ] as const) {
        const t = readLangText(step.get(key), main, max)
        const next = t && filled(t, texts, main, second)
        if (next) step.set(key, next)
      }
    }
  }, origin)
}
