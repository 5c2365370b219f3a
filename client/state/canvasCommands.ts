import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  addCanvas,
  deleteCanvas,
  deleteCanvasObjects,
  moveCanvas,
  renameCanvas,
} from '../../shared/ops/canvases'
import { createOrigin, type Origin } from '../../shared/ops/origin'

/** Adding, renaming, reordering and deleting the session's canvases: a facilitator's commands. */
export interface CanvasCommands {
  /** Only facilitators may change the canvases (the server drops anyone else's writes). */
  readonly canManage: boolean
  /** Adds a canvas at the end; returns its id, or null when not allowed. */
  add(name: string): string | null
  rename(id: string, name: string): void
  /** Moves a canvas to a position among the tabs. */
  move(id: string, toIndex: number): void
  /** Deletes a canvas and everything on it; false when not allowed or when it is the last one. */
  remove(id: string): boolean
}

/** Binds the canvas commands to the control and board documents and one person. */
export function createCanvasCommands(
  control: Y.Doc,
  board: Y.Doc,
  origin: Origin,
  canManage: boolean,
): CanvasCommands {
  // The deleted canvas's objects go with their own origin object, which the person's undo does not
  // track: undo must never bring back objects onto a canvas that no longer exists.
  const untracked = createOrigin(origin.userId, origin.name)
  return {
    canManage,
    add: (name) => (canManage ? addCanvas(control, name, origin) : null),
    rename: (id, name) => {
      if (canManage) renameCanvas(control, id, name, origin)
    },
    move: (id, toIndex) => {
      if (canManage) moveCanvas(control, id, toIndex, origin)
    },
    remove: (id) => {
      if (!canManage || !deleteCanvas(control, id, origin)) return false
      deleteCanvasObjects(board, id, untracked)
      return true
    },
  }
}

/** The canvas commands for as long as the documents and the person stay the same. */
export function useCanvasCommands(
  control: Y.Doc,
  board: Y.Doc,
  origin: Origin,
  canManage: boolean,
): CanvasCommands {
  return useMemo(
    () => createCanvasCommands(control, board, origin, canManage),
    [control, board, origin, canManage],
  )
}
