import * as Y from 'yjs'
import { canvasesOf, commitmentsOf, sessionMapOf, writeCanvas } from '../schema/controlDoc'
import { stampVersion } from '../schema/migrations'
import { newId } from '../ops/ids'
import type { Template } from './types'

export interface SessionDocs {
  /** Initial state of the board room, as one Yjs update. */
  readonly board: Uint8Array
  /** Initial state of the control room, as one Yjs update. */
  readonly control: Uint8Array
}

/** Builds the first state of a new session's rooms from a template. */
export function buildSessionDocs(template: Template, title: string): SessionDocs {
  const control = new Y.Doc()
  control.transact(() => {
    const session = sessionMapOf(control)
    session.set('title', title)
    session.set('template', template.id)
    commitmentsOf(control).push([...template.commitments])
    canvasesOf(control).push(template.canvases.map((c) => writeCanvas({ id: newId(), name: c.name })))
  })
  const board = new Y.Doc()
  stampVersion(board)
  const out = { board: Y.encodeStateAsUpdate(board), control: Y.encodeStateAsUpdate(control) }
  board.destroy()
  control.destroy()
  return out
}
