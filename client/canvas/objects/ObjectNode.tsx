import { memo } from 'react'
import type { BoardObject } from '../../../shared/schema/kinds'
import { useLiveText } from '../../state/liveText'
import { countRender, markFirstDraw } from '../benchProbe'
import { LowDetailNode } from './LowDetailNode'
import { OBJECT_NODES } from './registry'
import type { NodeComponent, NodeProps } from './types'

/**
 * Draws any object with its kind's node. TypeScript cannot follow the link between `kind` and the
 * registry entry through a union, so the one cast lives here, checked by the registry's mapped type.
 */
export const ObjectNode = memo(function ObjectNode(
  props: NodeProps<BoardObject> & { readonly lowDetail?: boolean },
) {
  // the words others type show in the next frame; the board around it hears of them later
  const object = useLiveText(props.object)
  countRender(object.id, object.text.length)
  markFirstDraw(1)
  const { lowDetail, ...rest } = props
  const nodeProps = { ...rest, object }
  // images stay pictures at any zoom; everything else is a plain shape when too small to read
  if (lowDetail && object.kind !== 'image' && !props.editing) return <LowDetailNode {...nodeProps} />
  const Node = OBJECT_NODES[object.kind] as NodeComponent<BoardObject>
  return <Node {...nodeProps} />
})
