import type * as Y from 'yjs'
import { bringToFront, placeObjects, sendToBack, setLocked, type Placement } from '../../shared/ops/arrange'
import { copyObjects, duplicateObjects, pasteObjects, type ClipboardData } from '../../shared/ops/clipboard'
import {
  addObject,
  deleteObjects,
  moveObjects,
  setLang,
  setPlainText,
  appendText,
  updateProps,
  type Move,
} from '../../shared/ops/objects'
import type { Origin } from '../../shared/ops/origin'
import {
  importMaterial,
  setContentNote,
  type ImportMaterialArgs,
  type ImportedMaterial,
} from '../../shared/ops/material'
import type { ObjectKind, PropsOf, StickyColor } from '../../shared/schema/kinds'

/** New props for one object after a resize, checked against its kind when written. */
export interface PropsChange {
  readonly id: string
  readonly kind: ObjectKind
  readonly props: Record<string, unknown>
}

/** Everything the board UI may change, as plain callbacks bound to one document and one person. */
export interface BoardCommands {
  /** Adds a sticky note with its top-left corner at (x, y); returns its id, or null when read-only. */
  addSticky(canvas: string, x: number, y: number, text?: string): string | null
  moveObjects(moves: readonly Move[]): void
  deleteObjects(ids: readonly string[]): void
  /** Removes objects outside this person's undo history (a new note left empty: see UndoStore.forget). */
  discardObjects(ids: readonly string[]): void
  setText(id: string, text: string): void
  /** Adds plain text at the end of an object's text (keys typed before its editor was there). */
  appendText(id: string, text: string): void
  setStickyColor(id: string, color: StickyColor): void
  /** Tags notes with the language they are written in ('' for the board's own). */
  setLang(ids: readonly string[], lang: string): void
  /** Sets (or with '' removes) the content note of objects: their author's or a facilitator's to do. */
  setContentNote(ids: readonly string[], note: string): void
  /** Brings a parsed list in: a frame of story cards and notes on a canvas, one undoable step. */
  importMaterial(args: ImportMaterialArgs): ImportedMaterial | null
  /** Adds any kind of object; returns its id, or null when read-only or the props are invalid. */
  addObject<K extends ObjectKind>(
    kind: K,
    canvas: string,
    x: number,
    y: number,
    props?: Partial<PropsOf<K>>,
  ): string | null
  /** Adds a recipe card credited to this person. */
  addRecipe(canvas: string, x: number, y: number): string | null
  /** Adds a frame behind everything on its canvas, so it never covers what it holds. */
  addFrame(canvas: string, x: number, y: number, props: Partial<PropsOf<'frame'>>): string | null
  /** Changes some props of one object; invalid values are refused (returns false), not thrown. */
  updateProps<K extends ObjectKind>(id: string, kind: K, changes: Partial<PropsOf<K>>): boolean
  /** A resize or rotation: new places and sizes of all the objects, in one undoable step. */
  transformObjects(placements: readonly Placement[], changes: readonly PropsChange[]): void
  bringToFront(ids: readonly string[]): void
  sendToBack(ids: readonly string[]): void
  setLocked(ids: readonly string[], locked: boolean): void
  /** The objects as clipboard data (read-only people may copy too). */
  copy(ids: readonly string[]): ClipboardData
  /** Pastes onto a canvas shifted by an offset; returns the new ids. */
  paste(data: ClipboardData, canvas: string, offset: { dx: number; dy: number }): string[]
  duplicate(ids: readonly string[]): string[]
}

/**
 * Binds the shared commands to a document and an origin. A viewer's writes would be dropped by the
 * server anyway; refusing them here keeps the local document from drifting away from the truth.
 */
export function createBoardCommands(doc: Y.Doc, origin: Origin, readOnly: boolean): BoardCommands {
  // the same person, as another origin object: the undo manager tracks `origin` by identity
  const untracked: Origin = { ...origin }
  return {
    addSticky: (canvas, x, y, text) =>
      readOnly ? null : addObject(doc, { kind: 'sticky', canvas, x, y, text }, origin),
    moveObjects: (moves) => {
      if (!readOnly && moves.length > 0) moveObjects(doc, moves, origin)
    },
    deleteObjects: (ids) => {
      if (!readOnly && ids.length > 0) deleteObjects(doc, ids, origin)
    },
    discardObjects: (ids) => {
      if (!readOnly && ids.length > 0) deleteObjects(doc, ids, untracked)
    },
    setText: (id, text) => {
      if (!readOnly) setPlainText(doc, id, text, origin)
    },
    appendText: (id, text) => {
      if (!readOnly) appendText(doc, id, text, origin)
    },
    setStickyColor: (id, color) => {
      if (!readOnly) updateProps(doc, id, 'sticky', { color }, origin)
    },
    setLang: (ids, lang) => {
      if (!readOnly && ids.length > 0) setLang(doc, ids, lang, origin)
    },
    setContentNote: (ids, note) => {
      if (!readOnly && ids.length > 0) setContentNote(doc, ids, note, origin)
    },
    importMaterial: (args) =>
      readOnly || args.items.length === 0 ? null : importMaterial(doc, args, origin),
    ...createObjectCommands(doc, origin, readOnly),
  }
}

/** Runs a write that validates its input; a refused value must not take the board down. */
function attempt(write: () => void): boolean {
  try {
    write()
    return true
  } catch (error) {
    console.warn('A change was refused:', error)
    return false
  }
}

type ObjectCommands = Omit<
  BoardCommands,
  | 'addSticky'
  | 'moveObjects'
  | 'deleteObjects'
  | 'discardObjects'
  | 'setText'
  | 'appendText'
  | 'setStickyColor'
  | 'setLang'
  | 'setContentNote'
  | 'importMaterial'
>

function createObjectCommands(doc: Y.Doc, origin: Origin, readOnly: boolean): ObjectCommands {
  const add: ObjectCommands['addObject'] = (kind, canvas, x, y, props) => {
    let id: string | null = null
    if (!readOnly) attempt(() => (id = addObject(doc, { kind, canvas, x, y, props }, origin)))
    return id
  }
  return {
    addObject: add,
    addRecipe: (canvas, x, y) => add('recipe', canvas, x, y, { credits: origin.name ? [origin.name] : [] }),
    addFrame: (canvas, x, y, props) => {
      let id: string | null = null
      if (readOnly) return null
      // one transaction, so undo takes the frame away in one step
      doc.transact(() => {
        id = add('frame', canvas, x, y, props)
        if (id) sendToBack(doc, [id], origin)
      }, origin)
      return id
    },
    updateProps: (id, kind, changes) =>
      !readOnly && attempt(() => updateProps(doc, id, kind, changes, origin)),
    transformObjects: (placements, changes) => {
      if (readOnly || placements.length === 0) return
      doc.transact(() => {
        placeObjects(doc, placements, origin)
        for (const c of changes) attempt(() => updateProps(doc, c.id, c.kind, c.props, origin))
      }, origin)
    },
    bringToFront: (ids) => {
      if (!readOnly && ids.length > 0) bringToFront(doc, ids, origin)
    },
    sendToBack: (ids) => {
      if (!readOnly && ids.length > 0) sendToBack(doc, ids, origin)
    },
    setLocked: (ids, locked) => {
      if (!readOnly && ids.length > 0) setLocked(doc, ids, locked, origin)
    },
    copy: (ids) => copyObjects(doc, ids),
    paste: (data, canvas, offset) => (readOnly ? [] : pasteObjects(doc, data, canvas, offset, origin)),
    duplicate: (ids) => (readOnly || ids.length === 0 ? [] : duplicateObjects(doc, ids, origin)),
  }
}
