import type * as Y from 'yjs'
import type { Origin } from '../../shared/ops/origin'
import { createBoardCommands, type BoardCommands } from './commands'
import { ObjectIndex } from './objectIndex'
import { UndoStore } from './undoStore'

/** The board document as the UI sees it: snapshots to read, commands to write, and undo. */
export interface BoardModel {
  readonly index: ObjectIndex
  readonly undo: UndoStore
  readonly commands: BoardCommands
  readonly readOnly: boolean
  dispose(): void
}

export interface BoardModelOptions {
  readonly readOnly: boolean
  /** Origins besides `origin` that count as this person's own edits (e.g. the text editor's). */
  readonly extraUndoOrigins?: readonly unknown[]
}

/** Builds the model of one person's view of a board document; dispose it with the document. */
export function createBoardModel(doc: Y.Doc, origin: Origin, options: BoardModelOptions): BoardModel {
  const index = new ObjectIndex(doc)
  const undo = new UndoStore(doc, origin, options.extraUndoOrigins)
  return {
    index,
    undo,
    commands: createBoardCommands(doc, origin, options.readOnly),
    readOnly: options.readOnly,
    dispose() {
      undo.dispose()
      index.dispose()
    },
  }
}
