import type * as Y from 'yjs'
import { createUndo } from '../../shared/ops/objects'
import type { Origin } from '../../shared/ops/origin'

export interface UndoState {
  readonly canUndo: boolean
  readonly canRedo: boolean
}

const STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared', 'stack-item-updated'] as const

/**
 * One person's undo history for the board. It tracks only their own origins (their commands, and
 * the text they type in an editor), so undo never takes back someone else's work.
 */
export class UndoStore {
  private readonly manager: Y.UndoManager
  private state: UndoState = { canUndo: false, canRedo: false }

  constructor(doc: Y.Doc, origin: Origin, extraOrigins: readonly unknown[] = []) {
    this.manager = createUndo(doc, origin)
    for (const extra of extraOrigins) this.manager.addTrackedOrigin(extra)
  }

  undo = (): void => {
    this.manager.undo()
  }

  redo = (): void => {
    this.manager.redo()
  }

  /** Ends the current capture group, so the next change is undone on its own. */
  stopCapturing(): void {
    this.manager.stopCapturing()
  }

  get = (): UndoState => {
    const canUndo = this.manager.canUndo()
    const canRedo = this.manager.canRedo()
    if (canUndo !== this.state.canUndo || canRedo !== this.state.canRedo) this.state = { canUndo, canRedo }
    return this.state
  }

  subscribe = (listener: () => void): (() => void) => {
    for (const event of STACK_EVENTS) this.manager.on(event, listener)
    return () => {
      for (const event of STACK_EVENTS) this.manager.off(event, listener)
    }
  }

  dispose(): void {
    this.manager.destroy()
  }
}
