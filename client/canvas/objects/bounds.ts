import type { BoardObject } from '../../../shared/schema/kinds'
import type { Rect } from '../viewport'
import { EDITABLE_KINDS, OBJECT_BOUNDS } from './registry'
import type { BoundsOf } from './types'

/** The world rectangle of any object (the cast is safe: the registry is keyed by kind). */
export function boundsOf(object: BoardObject): Rect {
  return (OBJECT_BOUNDS[object.kind] as BoundsOf<BoardObject>)(object)
}

/** Can this object's text be edited in place? */
export const isEditable = (object: BoardObject): boolean => EDITABLE_KINDS[object.kind]
