import { memo } from 'react'
import type { BoardObject } from '../../../shared/schema/kinds'
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
  countRender(props.object.id, props.object.text.length)
  markFirstDraw(1)
  const { lowDetail, ...nodeProps } = props
  // images stay pictures at any zoom; everything else is a plain shape when too small to read
  if (lowDetail && props.object.kind !== 'image' && !props.editing) return <LowDetailNode {...nodeProps} />
  const Node = OBJECT_NODES[props.object.kind] as NodeComponent<BoardObject>
  return <Node {...nodeProps} />
})
