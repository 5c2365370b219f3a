import type * as Y from 'yjs'
import { sessionMapOf } from '../schema/controlDoc'
import type { Origin } from './origin'

/** Locks or unlocks the board (control document: facilitators only). */
export function setBoardLocked(control: Y.Doc, locked: boolean, origin: Origin): void {
  control.transact(() => sessionMapOf(control).set('locked', locked), origin)
}
