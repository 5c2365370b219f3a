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

const TEMPLATE_ORIGIN = createOrigin('template', '')

/** Builds the first state of a new session's rooms from a template. */
export function buildSessionDocs(template: Template, title: string, now = Date.now()): SessionDocs {
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
    const session = sessionMapOf(control)
    session.set('title', title)
    session.set('template', template.id)
    commitmentsOf(control).push([...template.commitments])
    canvasesOf(control).push(
      template.canvases.map((c) => writeCanvas({ id: canvasIds.get(c.key)!, name: c.name })),
    )
    const steps = template.agenda.map((s) => ({
      id: newId(),
      title: s.title,
      prompt: s.prompt,
      minutes: s.minutes,
      canvas: canvasIds.get(s.canvas) ?? '',
      frame: s.frame ? (frameIds.get(`${s.canvas}/${s.frame}`) ?? '') : '',
      mode: s.mode,
    }))
    agendaOf(control).push(steps.map(writeStep))
    facilitator.transact(() => {
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
