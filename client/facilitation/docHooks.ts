import { useCallback, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import type { BoardObject } from '../../shared/schema/kinds'
import { useDocValue, type ObjectIndex } from '../state'

const EMPTY: readonly BoardObject[] = []
const noSubscription = () => () => undefined
/** An empty document that is never written: it stands in while a room is not open yet. */
const PLACEHOLDER_DOC = new Y.Doc()

/** The objects of one canvas in an index that may not exist yet (the private room while it opens). */
export function useOptionalCanvasObjects(
  index: ObjectIndex | null,
  canvasId: string,
): readonly BoardObject[] {
  const get = useCallback(() => (index ? index.canvas(canvasId).objects : EMPTY), [index, canvasId])
  return useSyncExternalStore(index ? index.subscribe : noSubscription, get)
}

/** A value read from a document that may not be open; `fallback` until it is (keep it constant). */
export function useOptionalDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const value = useDocValue(doc ?? PLACEHOLDER_DOC, read)
  return doc ? value : fallback
}
