import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import type { RichText } from '../../shared/schema/richBlocks'
import { eachFrame } from './eachFrame'
import type { ObjectIndex } from './objectIndex'

/**
 * The board's objects as they are this frame, for the canvas's nodes: the board around them hears
 * of others' typing only every so often (`TEXT_CATCH_UP_MS`), each note's node at once.
 */
export const LiveObjectsContext = createContext<ObjectIndex | null>(null)

/**
 * `object` with the text its note has now. Only the text and rich text come from the index, the
 * rest from `object` as the board passed it (what the facilitation shows of it: an anonymous
 * session's notes without their authors, say), so nothing but the words goes around it. Re-renders
 * at most once a frame, and only when this object changed.
 */
export function useLiveText<T extends BoardObject>(object: T): T {
  const index = useContext(LiveObjectsContext)
  const id = object.id
  const subscribe = useMemo(
    () => (index ? eachFrame((listener) => index.subscribeObject(id, listener)) : NO_CHANGES),
    [index, id],
  )
  const get = () => withTextOf(object, index?.get(id))
  return useSyncExternalStore(subscribe, get)
}

/** Outside a board (an export's drawing) objects never change. */
const NO_CHANGES = () => () => undefined

const merged = new WeakMap<BoardObject, { readonly source: BoardObject; readonly value: BoardObject }>()

/** `object` with the text of `now` (the index's snapshot of it), the same value while both stay. */
export function withTextOf<T extends BoardObject>(
  object: T,
  now: { ok: true; object: BoardObject } | { ok: false } | undefined,
): T {
  if (!now?.ok || now.object === object || now.object.kind !== object.kind) return object
  const source = now.object
  const known = merged.get(object)
  if (known?.source === source) return known.value as T
  const value =
    source.text === object.text && sameRich(source.rich, object.rich)
      ? object
      : { ...object, text: source.text, rich: source.rich }
  merged.set(object, { source, value })
  return value
}

function sameRich(a: RichText, b: RichText): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
