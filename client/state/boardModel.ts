import type * as Y from 'yjs'
import type { Origin } from '../../shared/ops/origin'
import type { Writer } from '../../shared/schema/rules'
import { createBoardCommands, type BoardCommands } from './commands'
import { permissionsFor, type Permissions } from './permissions'
import { ObjectIndex } from './objectIndex'
import { UndoStore } from './undoStore'
import { withEditorOrigin } from '../text/editorOrigin'

/** The board document as the UI sees it: snapshots to read, commands to write, and undo. */
export interface BoardModel {
  readonly index: ObjectIndex
  readonly undo: UndoStore
  readonly commands: BoardCommands
  readonly readOnly: boolean
  /** What this person may do with each object (the board's rules). */
  readonly may: Permissions
  dispose(): void
}

export interface BoardModelOptions {
  readonly readOnly: boolean
  /** Who writes (their role, their owner id, whether the session protects contributions). */
  readonly writer: Writer
}

/** Builds the model of one person's view of a board document; dispose it with the document. */
export function createBoardModel(doc: Y.Doc, origin: Origin, options: BoardModelOptions): BoardModel {
  const index = new ObjectIndex(doc)
  const undo = new UndoStore(doc, origin)
  // what this person types in a note editor is theirs to undo too (the editor's code loads later)
  const stopTracking = withEditorOrigin((editor) => undo.trackOrigin(editor))
  return {
    index,
    undo,
    commands: createBoardCommands(doc, origin, options.readOnly),
    readOnly: options.readOnly,
    may: permissionsFor(options.writer, options.readOnly),
    dispose() {
      stopTracking()
      undo.dispose()
      index.dispose()
    },
  }
}
