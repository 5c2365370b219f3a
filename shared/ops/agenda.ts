import type * as Y from 'yjs'
import { agendaOf, commitmentsOf, guidanceOf, writeStep, type AgendaStep } from '../schema/controlDoc'
import { newId } from './ids'
import type { Origin } from './origin'

/** Facilitators edit the Community Commitments and the agenda (control room: facilitators only). */

/** Replaces one commitment's text. */
export function setCommitment(control: Y.Doc, index: number, text: string, origin: Origin): void {
  const list = commitmentsOf(control)
  if (index < 0 || index >= list.length) return
  control.transact(() => {
    list.delete(index, 1)
    list.insert(index, [text.slice(0, 500)])
  }, origin)
}

/** Adds a commitment at the end. */
export function addCommitment(control: Y.Doc, text: string, origin: Origin): void {
  control.transact(() => commitmentsOf(control).push([text.slice(0, 500)]), origin)
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

/** Changes some fields of one step, found by id. A new canvas drops the frame of the old one. */
export function updateStep(control: Y.Doc, id: string, changes: StepChanges, origin: Origin): void {
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
      if (value !== undefined) map.set(key, value)
    }
  }, origin)
}

/** Adds a step after the others; returns its id. */
export function addStep(control: Y.Doc, title: string, origin: Origin): string {
  const id = newId()
  const step: AgendaStep = { id, title, prompt: '', minutes: 10, canvas: '', frame: '', mode: 'free' }
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
