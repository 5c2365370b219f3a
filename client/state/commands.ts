import type * as Y from 'yjs'
import {
  addObject,
  deleteObjects,
  moveObjects,
  setPlainText,
  updateProps,
  type Move,
} from '../../shared/ops/objects'
import type { Origin } from '../../shared/ops/origin'
import type { StickyColor } from '../../shared/schema/kinds'

/** Everything the board UI may change, as plain callbacks bound to one document and one person. */
export interface BoardCommands {
  /** Adds a sticky note with its top-left corner at (x, y); returns its id, or null when read-only. */
  addSticky(canvas: string, x: number, y: number, text?: string): string | null
  moveObjects(moves: readonly Move[]): void
  deleteObjects(ids: readonly string[]): void
  setText(id: string, text: string): void
  setStickyColor(id: string, color: StickyColor): void
}

/**
 * Binds the shared commands to a document and an origin. A viewer's writes would be dropped by the
 * server anyway; refusing them here keeps the local document from drifting away from the truth.
 */
export function createBoardCommands(doc: Y.Doc, origin: Origin, readOnly: boolean): BoardCommands {
  return {
    addSticky: (canvas, x, y, text) =>
      readOnly ? null : addObject(doc, { kind: 'sticky', canvas, x, y, text }, origin),
    moveObjects: (moves) => {
      if (!readOnly && moves.length > 0) moveObjects(doc, moves, origin)
    },
    deleteObjects: (ids) => {
      if (!readOnly && ids.length > 0) deleteObjects(doc, ids, origin)
    },
    setText: (id, text) => {
      if (!readOnly) setPlainText(doc, id, text, origin)
    },
    setStickyColor: (id, color) => {
      if (!readOnly) updateProps(doc, id, 'sticky', { color }, origin)
    },
  }
}
