import * as Y from 'yjs'
import {
  changedObjectIds,
  objectsOf,
  readObject,
  type InvalidObject,
  type ReadResult,
} from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'

/** What one canvas shows: valid objects in paint order, and the ones this build cannot read. */
export interface CanvasObjects {
  readonly objects: readonly BoardObject[]
  readonly invalid: readonly InvalidObject[]
}

const EMPTY: CanvasObjects = { objects: [], invalid: [] }

/**
 * A live, plain mirror of the board's objects. Only objects touched by a change are read again, so
 * the others keep their snapshot identity and React skips them (thousands of notes, one keystroke).
 */
export class ObjectIndex {
  private results = new Map<string, ReadResult>()
  private version = 0
  private listeners = new Set<() => void>()
  private views = new Map<string, CanvasView>()
  private readonly objects: Y.Map<Y.Map<unknown>>
  private objectListeners = new Map<string, Set<() => void>>()
  /** Whether the last change was this person's own (the others' may wait for the next frame). */
  lastChangeLocal = true
  /**
   * Whether the last change only edited the text of objects already there: no object came, went,
   * moved or changed anything else. Each object's node follows its own text (`subscribeObject`), so
   * what shows the list around the objects may catch up later.
   */
  lastChangeTextOnly = false
  /** The objects the last change touched. */
  lastChangedIds: ReadonlySet<string> = new Set()

  constructor(doc: Y.Doc) {
    this.objects = objectsOf(doc)
    this.rebuild()
    this.objects.observeDeep(this.onChange)
  }

  /** Stops listening to the document. */
  dispose(): void {
    this.objects.unobserveDeep(this.onChange)
    this.listeners.clear()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells `listener` (at once, on every change) when the object `id` changes. */
  subscribeObject = (id: string, listener: () => void): (() => void) => {
    let set = this.objectListeners.get(id)
    if (!set) this.objectListeners.set(id, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.objectListeners.get(id) === set) this.objectListeners.delete(id)
    }
  }

  /** The objects of one canvas; the same array until something on the board changes. */
  canvas(canvasId: string): CanvasObjects {
    const cached = this.views.get(canvasId)
    if (cached && cached.version === this.version) return cached.value
    const value = this.computeCanvas(canvasId)
    const at = new Map<string, number>()
    value.objects.forEach((o, i) => at.set(o.id, i))
    this.views.set(canvasId, { version: this.version, value, at })
    return value
  }

  /** One object's snapshot, valid or not, wherever it is. */
  get(id: string): ReadResult | undefined {
    return this.results.get(id)
  }

  private computeCanvas(canvasId: string): CanvasObjects {
    const objects: BoardObject[] = []
    const invalid: InvalidObject[] = []
    for (const result of this.results.values()) {
      if (result.ok) {
        if (result.object.canvas === canvasId) objects.push(result.object)
      } else if (result.invalid.canvas === canvasId) {
        invalid.push(result.invalid)
      }
    }
    if (objects.length === 0 && invalid.length === 0) return EMPTY
    objects.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : 1))
    return { objects, invalid }
  }

  /**
   * Brings a canvas's list up to date with the changed objects in place, or says it cannot: an
   * object that came, went, turned invalid or changed its paint order needs the list rebuilt.
   */
  private patch(
    canvasId: string,
    view: CanvasView,
    before: ReadonlyMap<string, ReadResult | undefined>,
  ): boolean {
    let objects: BoardObject[] | null = null
    for (const [id, old] of before) {
      const now = this.results.get(id)
      const wasHere = old !== undefined && canvasOf(old) === canvasId
      const isHere = now !== undefined && canvasOf(now) === canvasId
      if (!wasHere && !isHere) continue
      if (!wasHere || !isHere || !old.ok || !now.ok || old.object.z !== now.object.z) return false
      const index = view.at.get(id)
      if (index === undefined) return false
      objects ??= [...view.value.objects]
      objects[index] = now.object
    }
    if (objects) view.value = { objects, invalid: view.value.invalid }
    view.version = this.version
    return true
  }

  private rebuild(): void {
    this.results.clear()
    for (const [id, map] of this.objects.entries()) this.results.set(id, safeRead(id, map))
  }

  private onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const { ids, all, textOnly } = changedObjectIds(events)
    this.lastChangeLocal = events[0]?.transaction.local ?? true
    this.lastChangeTextOnly = textOnly
    this.lastChangedIds = ids
    const before = new Map<string, ReadResult | undefined>()
    if (all) {
      this.rebuild()
    } else {
      for (const id of ids) {
        before.set(id, this.results.get(id))
        const map = this.objects.get(id)
        if (map !== undefined) this.results.set(id, safeRead(id, map))
        else this.results.delete(id)
      }
    }
    this.version++
    // a canvas's list is patched where only objects' contents changed (a keystroke, a move): no
    // walk over thousands of objects and no sort for each edit someone makes
    for (const [canvasId, view] of this.views) {
      if (all || !this.patch(canvasId, view, before)) this.views.delete(canvasId)
    }
    for (const listener of [...this.listeners]) listener()
    if (this.objectListeners.size === 0) return
    const touched = all ? [...this.objectListeners.keys()] : ids
    for (const id of touched) for (const listener of [...(this.objectListeners.get(id) ?? [])]) listener()
  }
}

interface CanvasView {
  version: number
  value: CanvasObjects
  /** Where each object is in `value.objects`. */
  readonly at: Map<string, number>
}

const canvasOf = (result: ReadResult): string | undefined =>
  result.ok ? result.object.canvas : result.invalid.canvas

/** Reads an entry without ever throwing: one malformed object must not take the board down. */
function safeRead(id: string, map: unknown): ReadResult {
  const broken = (reason: string): ReadResult => ({
    ok: false,
    invalid: { id, kind: '?', canvas: undefined, x: undefined, y: undefined, reason },
  })
  if (!(map instanceof Y.Map)) return broken('not an object')
  try {
    return readObject(id, map)
  } catch (error) {
    return broken(error instanceof Error ? error.message : 'unreadable')
  }
}
