import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { ObjectIndex, CanvasObjects } from './objectIndex'
import type { UndoState, UndoStore } from './undoStore'

/** The objects of one canvas as plain snapshots; unchanged objects keep their identity. */
export function useCanvasObjects(index: ObjectIndex, canvasId: string): CanvasObjects {
  const get = useCallback(() => index.canvas(canvasId), [index, canvasId])
  const subscribe = useMemo(() => boardListFeed(index), [index])
  return useSyncExternalStore(subscribe, get)
}

/**
 * How long the board around the objects (panels, counts, the list view) may take to show the text
 * others type: each note on the canvas shows it in the next frame on its own (`useLiveText`).
 */
export const TEXT_CATCH_UP_MS = 500

/**
 * The index's changes as the board around the objects hears them: this person's own at once (what
 * they do shows in the same frame), the others' at most once a frame, and the others' typing at most
 * every `TEXT_CATCH_UP_MS`: five people typing are 25 changes a second, and re-rendering the whole
 * board for each one was most of a slow phone's frame.
 */
function boardListFeed(index: ObjectIndex) {
  return (listener: () => void) => {
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const tell = () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      frame = 0
      timer = undefined
      listener()
    }
    const stop = index.subscribe(() => {
      if (index.lastChangeLocal) tell()
      else if (!index.lastChangeTextOnly) frame ||= requestAnimationFrame(tell)
      else if (!frame) timer ??= setTimeout(tell, TEXT_CATCH_UP_MS)
    })
    return () => {
      stop()
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }
}

/** Whether this person has something to undo or redo. */
export function useUndoState(undo: UndoStore): UndoState {
  return useSyncExternalStore(undo.subscribe, undo.get)
}

/** How many updates each document has had: a value read from it is read again only after one. */
const versions = new WeakMap<Y.Doc, { n: number }>()
function versionOf(doc: Y.Doc): { n: number } {
  let version = versions.get(doc)
  if (!version) {
    const counter = { n: 0 }
    doc.on('update', () => counter.n++)
    versions.set(doc, counter)
    version = counter
  }
  return version
}

/**
 * A store over a small document: the value is read again after each update (not on every render of
 * whoever shows it), identity kept while equal.
 */
function createDocValueStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T) {
  const version = versionOf(doc)
  let seen = version.n
  let cached: T = read(doc)
  let key = JSON.stringify(cached)
  return {
    subscribe: (listener: () => void) => {
      doc.on('update', listener)
      return () => doc.off('update', listener)
    },
    get: (): T => {
      if (version.n === seen) return cached
      seen = version.n
      const next = read(doc)
      const nextKey = JSON.stringify(next)
      if (nextKey !== key) {
        cached = next
        key = nextKey
      }
      return cached
    },
  }
}

/**
 * A plain value read from a small document (the control room's). Consumers re-render only when
 * its JSON changes, so an edit elsewhere in the document costs them nothing.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const store = useMemo(() => createDocValueStore(doc, read), [doc, read])
  return useSyncExternalStore(store.subscribe, store.get)
}

/** A value kept in any store with `get` and `subscribe` (connection status, for instance). */
export function useStore<T>(store: { get: () => T; subscribe: (listener: () => void) => () => void }): T {
  return useSyncExternalStore(store.subscribe, store.get)
}
