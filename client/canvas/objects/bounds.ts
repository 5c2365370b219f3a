import type { BoardObject } from '../../../shared/schema/kinds'
import { EDITABLE_KINDS } from './registry'

/** The world rectangle of any object: the shared geometry, so the canvas, exports and server agree. */
export { boundsOf } from '../../../shared/schema/geometry'

/** Can this object's text be edited in place? */
export const isEditable = (object: BoardObject): boolean => EDITABLE_KINDS[object.kind]
