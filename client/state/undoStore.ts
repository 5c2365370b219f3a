import * as Y from 'yjs'
import { createUndo } from '../../shared/ops/objects'
import type { Origin } from '../../shared/ops/origin'

export interface UndoState {
  readonly canUndo: boolean
  readonly canRedo: boolean
}

const STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared', 'stack-item-updated'] as const
/** The meta key that ties an undo step to the note it created or typed into. */
const NOTE = 'note'

/** The meta key of the step that created the note (the step its first typing joins). */
const CREATED = 'created'

interface StackEvent {
  readonly stackItem: Y.UndoManager['undoStack'][number]
  readonly origin: unknown
  readonly type: 'undo' | 'redo'
}

/**
 * One person's undo history for the board. It tracks only their own origins (their commands, and
 * the text they type in an editor), so undo never takes back someone else's work.
 */
export class UndoStore {
  private readonly manager: Y.UndoManager
  private state: UndoState = { canUndo: false, canRedo: false }
  private readonly listeners = new Set<() => void>()
  /** The note whose editor is open: the steps typing adds belong to it. */
  private editing: string | null = null
  /** A note this person just created, until its first editing ends: its typing joins its creation. */
  private fresh: string | null = null
  /** True while text typed before the editor's code arrived is written (asTyping). */
  private typing = false

  constructor(
    doc: Y.Doc,
    private readonly origin: Origin,
  ) {
    this.manager = createUndo(doc, origin)
    this.manager.on('stack-item-added', (event: StackEvent) => {
      // Typing comes from an editor: the open one, or the new note's (whose editor opens first).
      const note = this.editing ?? this.fresh
      if (!note || (event.origin === this.origin && !this.typing) || event.type !== 'undo') return
      event.stackItem.meta.set(NOTE, note)
      if (note === this.fresh) this.joinCreation(event.stackItem)
    })
  }
  /** Counts changes made with `origin` as this person's own too (the text editor's, once loaded). */
  trackOrigin(origin: unknown): void {
    this.manager.addTrackedOrigin(origin)
  }

  /**
   * Runs a write of what this person typed into the open note before the editor's code arrived (its
   * stand-in text box): an undo step like the editor's typing, so it joins a new note's creation.
   */
  asTyping(write: () => void): void {
    this.typing = true
    try {
      write()
    } finally {
      this.typing = false
    }
  }

  /** Writing a new note is one step with making it: one Undo takes the new note back whole. */
  private joinCreation(typed: StackEvent['stackItem']): void {
    const stack = this.manager.undoStack
    const made = stack[stack.length - 2]
    if (!made || made.meta.get(CREATED) !== this.fresh) return
    made.insertions = Y.mergeDeleteSets([made.insertions, typed.insertions])
    made.deletions = Y.mergeDeleteSets([made.deletions, typed.deletions])
    stack.pop()
  }

  /** The step just recorded created this object: it is forgotten with the object if it stays empty. */
  markCreated(id: string): void {
    const top = this.manager.undoStack[this.manager.undoStack.length - 1]
    top?.meta.set(NOTE, id)
    top?.meta.set(CREATED, id)
    this.fresh = id
  }

  /** Typing from now on goes into this note (or into none). */
  setEditing(id: string | null): void {
    if (id !== this.fresh) this.fresh = null
    this.editing = id
  }

  /**
   * Drops every step that created or typed into this note, so a note removed for being left empty
   * leaves no trace in its creator's history: Undo then takes back what they did before it.
   */
  forget(id: string): void {
    const keep = (item: { readonly meta: Map<unknown, unknown> }) => item.meta.get(NOTE) !== id
    const { undoStack, redoStack } = this.manager
    const before = undoStack.length + redoStack.length
    this.manager.undoStack = undoStack.filter(keep)
    this.manager.redoStack = redoStack.filter(keep)
    if (this.manager.undoStack.length + this.manager.redoStack.length !== before)
      for (const listener of this.listeners) listener()
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
    this.listeners.add(listener)
    return () => {
      for (const event of STACK_EVENTS) this.manager.off(event, listener)
      this.listeners.delete(listener)
    }
  }

  dispose(): void {
    this.manager.destroy()
  }
}
