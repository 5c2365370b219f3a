import * as Y from 'yjs'
import { addObject } from '../ops/objects'
import { newId } from '../ops/ids'
import { createOrigin } from '../ops/origin'
import {
  agendaOf,
  canvasesOf,
  commitmentsOf,
  guidanceOf,
  sessionMapOf,
  writeCanvas,
  writeStep,
} from '../schema/controlDoc'
import { DEFAULT_LANG, type UiLang } from '../lang'
import { fitText, type LangText } from '../schema/langText'
import { stampVersion } from '../schema/migrations'
import type { Template } from './types'

export interface SessionDocs {
  /** Initial state of the board room (template frames), as one Yjs update. */
  readonly board: Uint8Array
  /** Initial state of the control room (title, commitments, canvases, agenda). */
  readonly control: Uint8Array
  /** Initial state of the facilitator room (guidance for each step). */
  readonly facilitator: Uint8Array
}

/** A step's title and prompt as writeStep takes them: plain strings, or maps of language → text. */
const perLanguage = (title: string | LangText, prompt: string | LangText) => ({
  title: typeof title === 'string' ? title : '',
  prompt: typeof prompt === 'string' ? prompt : '',
  ...(typeof title === 'string' ? {} : { titles: title }),
  ...(typeof prompt === 'string' ? {} : { prompts: prompt }),
})

const TEMPLATE_ORIGIN = createOrigin('template', '')

/**
 * Builds the first state of a new session's rooms from a template, in the session's languages (the
 * main one first): the commitments and the steps' titles and prompts keep the template's words in
 * each of them.
 */
export function buildSessionDocs(
  template: Template,
  title: string,
  now = Date.now(),
  langs: readonly UiLang[] = [DEFAULT_LANG],
): SessionDocs {
  const control = new Y.Doc()
  const board = new Y.Doc()
  const facilitator = new Y.Doc()
  const canvasIds = new Map(template.canvases.map((c) => [c.key, newId()]))
  const frameIds = new Map<string, string>()
  board.transact(() => {
    stampVersion(board)
    for (const canvas of template.canvases) {
      ;(canvas.frames ?? []).forEach((f, order) => {
        const id = addObject(
          board,
          {
            kind: 'frame',
            canvas: canvasIds.get(canvas.key)!,
            x: f.x,
            y: f.y,
            props: { w: f.w, h: f.h, title: f.title, order },
            now,
          },
          TEMPLATE_ORIGIN,
        )
        frameIds.set(`${canvas.key}/${f.title}`, id)
      })
    }
  })
  control.transact(() => {
    stampVersion(control)
    const session = sessionMapOf(control)
    session.set('title', title)
    session.set('template', template.id)
    session.set('langs', [...langs])
    if (template.protect) session.set('protect', true)
    if (template.admit) session.set('admit', true)
    commitmentsOf(control).push(template.commitments.map((c) => fitText(c, langs)))
    canvasesOf(control).push(
      template.canvases.map((c) => writeCanvas({ id: canvasIds.get(c.key)!, name: c.name })),
    )
    const steps = template.agenda.map((s) => ({
      id: newId(),
      ...perLanguage(fitText(s.title, langs), fitText(s.prompt, langs)),
      minutes: s.minutes,
      canvas: canvasIds.get(s.canvas) ?? '',
      frame: s.frame ? (frameIds.get(`${s.canvas}/${s.frame}`) ?? '') : '',
      mode: s.mode,
    }))
    agendaOf(control).push(steps.map(writeStep))
    facilitator.transact(() => {
      stampVersion(facilitator)
      steps.forEach((s, i) => guidanceOf(facilitator).set(s.id, template.agenda[i]!.guidance))
    })
  })
  const out = {
    board: Y.encodeStateAsUpdate(board),
    control: Y.encodeStateAsUpdate(control),
    facilitator: Y.encodeStateAsUpdate(facilitator),
  }
  for (const d of [board, control, facilitator]) d.destroy()
  return out
}
