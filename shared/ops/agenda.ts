import type * as Y from 'yjs'
import type { UiLang } from '../lang'
import {
  agendaOf,
  commitmentsOf,
  guidanceOf,
  readSessionLangs,
  writeStep,
  type AgendaStep,
  type NewStep,
} from '../schema/controlDoc'
import { readLangText, withText, type LangText } from '../schema/langText'
import { LIMITS } from '../schema/limits'
import { newId } from './ids'
import type { Origin } from './origin'

/** Facilitators edit the Community Commitments and the agenda (control room: facilitators only). */

const clip = (text: string) => text.slice(0, LIMITS.commitmentMax)

/** The session's main language, which a text given without a language is in. */
const mainLang = (control: Y.Doc): UiLang => readSessionLangs(control)[0]!

/**
 * Replaces one commitment's text in one language (the main one unless given); the other language's
 * words stay. The line is one shared value, so it is read and written in the same transaction.
 */
export function setCommitment(
  control: Y.Doc,
  index: number,
  text: string,
  origin: Origin,
  lang: UiLang = mainLang(control),
): void {
  const list = commitmentsOf(control)
  if (index < 0 || index >= list.length) return
  control.transact(() => {
    const main = mainLang(control)
    const current = readLangText(list.get(index), main, LIMITS.commitmentMax) ?? {}
    list.delete(index, 1)
    list.insert(index, [withText(current, lang, clip(text))])
  }, origin)
}

/** Adds a commitment at the end: text in the main language, or in each language. */
export function addCommitment(control: Y.Doc, text: string | LangText, origin: Origin): void {
  control.transact(() => {
    const texts: LangText =
      typeof text === 'string'
        ? { [mainLang(control)]: clip(text) }
        : Object.fromEntries(Object.entries(text).map(([l, t]) => [l, clip(t)]))
    commitmentsOf(control).push([texts])
  }, origin)
}

/** Removes one commitment. */
export function removeCommitment(control: Y.Doc, index: number, origin: Origin): void {
  const list = commitmentsOf(control)
  if (index < 0 || index >= list.length) return
  control.transact(() => list.delete(index, 1), origin)
}

export type StepChanges = Partial<
  Pick<AgendaStep, 'title' | 'prompt' | 'minutes' | 'mode' | 'canvas' | 'frame'>
>

const TEXT_MAX = { title: 200, prompt: 2000 } as const

/**
 * Changes some fields of one step, found by id. A title or prompt is written in `lang` (the main
 * language unless given); the step's words in its other language stay.
 */
export function updateStep(
  control: Y.Doc,
  id: string,
  changes: StepChanges,
  origin: Origin,
  lang: UiLang = mainLang(control),
): void {
  const map = agendaOf(control)
    .toArray()
    .find((m) => m.get('id') === id)
  if (!map) return
  control.transact(() => {
    if (changes.canvas !== undefined && changes.frame === undefined && changes.canvas !== map.get('canvas'))
      map.set('frame', '')
    for (const [key, value] of Object.entries(changes)) {
      if (key === 'minutes' && (typeof value !== 'number' || !(value >= 0 && value <= 600))) continue
      if ((key === 'canvas' || key === 'frame') && (typeof value !== 'string' || value.length > 64)) continue
      if (value === undefined) continue
      if ((key === 'title' || key === 'prompt') && typeof value === 'string') {
        const max = TEXT_MAX[key]
        const current = readLangText(map.get(key), mainLang(control), max) ?? {}
        map.set(key, withText(current, lang, value.slice(0, max)))
      } else map.set(key, value)
    }
  }, origin)
}

/** Adds a step after the others; returns its id. */
export function addStep(control: Y.Doc, title: string, origin: Origin): string {
  const id = newId()
  const step: NewStep = { id, title, prompt: '', minutes: 10, canvas: '', frame: '', mode: 'free' }
  control.transact(() => agendaOf(control).push([writeStep(step)]), origin)
  return id
}

/** Removes a step by id. */
export function removeStep(control: Y.Doc, id: string, origin: Origin): void {
  const index = agendaOf(control)
    .toArray()
    .findIndex((m) => m.get('id') === id)
  if (index < 0) return
  control.transact(() => agendaOf(control).delete(index, 1), origin)
}

/** Sets a step's guidance (the facilitator room: only facilitators read or write it). */
export function setGuidance(facilitator: Y.Doc, stepId: string, text: string, origin: Origin): void {
  facilitator.transact(() => guidanceOf(facilitator).set(stepId, text.slice(0, 4000)), origin)
}
