import type Konva from 'konva'
import type { BoardObject } from '../../../shared/schema/kinds'
import type { NodeHandlers } from './types'

type DragEvt = Konva.KonvaEventObject<DragEvent>
const position = (e: DragEvt) => [e.target.x(), e.target.y()] as const
const additive = (e: Konva.KonvaEventObject<MouseEvent>) => e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey

/** The Group props every object node shares: identity, placement, selection and drag callbacks. */
export function groupProps(object: BoardObject, draggable: boolean, handlers: NodeHandlers) {
  return {
    id: object.id,
    name: 'object',
    x: object.x,
    y: object.y,
    rotation: object.rotation,
    draggable,
    onClick: (e: Konva.KonvaEventObject<MouseEvent>) => handlers.select(object.id, additive(e)),
    onTap: () => handlers.tap(object.id),
    onDblClick: () => handlers.edit(object.id),
    onDblTap: () => handlers.edit(object.id),
    onDragStart: () => handlers.dragStart(object.id),
    onDragMove: (e: DragEvt) => handlers.dragMove(object.id, ...position(e)),
    onDragEnd: (e: DragEvt) => handlers.dragEnd(object.id, ...position(e)),
  }
}
