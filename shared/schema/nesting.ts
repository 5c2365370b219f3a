import * as Y from 'yjs'

/**
 * Nesting checks that never recurse, so asking about a 20,000-deep value is as safe as asking about
 * a flat one. Yjs itself recurses through nested types when it deletes one (marking every child
 * deleted, then collecting it), so code that deletes or replaces what a document from outside holds
 * checks it with `typeNestsDeeperThan` first and leaves anything deeper where it is.
 */

/** Does this JSON value nest objects and arrays deeper than `max`? */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth + 1 > max) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

/** What any Y type is to this check: its keyed children and its list of children. */
type TypeLike = Pick<Y.AbstractType<unknown>, '_map' | '_start'>

/**
 * Does this Y type hold types nested more than `max` levels below it (maps, arrays, XML, embeds:
 * every kind)? A sticky's map holds its text (1), which holds a paragraph (2), and so on.
 */
export function typeNestsDeeperThan(type: TypeLike, max: number): boolean {
  const stack: [TypeLike, number][] = [[type, 0]]
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!
    const children: Y.Item[] = [...t._map.values()]
    for (let item = t._start; item !== null; item = item.right) children.push(item)
    for (const item of children) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue
      if (depth + 1 > max) return true
      stack.push([item.content.type, depth + 1])
    }
  }
  return false
}

/** May this value, found in a document, be deleted or replaced without Yjs recursing past `max` levels? */
export const isSafeToDelete = (value: unknown, max: number): boolean =>
  !(value instanceof Y.AbstractType) || !typeNestsDeeperThan(value, max)

/** Deletes every entry of a map that can be deleted safely (see isSafeToDelete); returns how many stay. */
export function clearSafely<T>(map: Y.Map<T>, max: number): number {
  let kept = 0
  for (const [key, value] of [...map.entries()]) {
    if (isSafeToDelete(value, max)) map.delete(key)
    else kept++
  }
  return kept
}
