import { memo } from 'react'
import { Group, Line } from '../konva'
import type { ObjectOf } from '../../../shared/schema/kinds'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'

/** A freehand pen stroke, drawn as a smooth (tensioned) line through its points. */
export const StrokeNode = memo(function StrokeNode(props: NodeProps<ObjectOf<'stroke'>>) {
  const { object, draggable, peerColor, handlers } = props
  const { points, color, width } = object.props
  // my own selection shows the resize handles; someone else's shows as a halo in their colour
  const halo = peerColor
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      {halo && (
        <Line
          points={points}
          stroke={halo}
          opacity={0.35}
          strokeWidth={width + 8}
          lineCap="round"
          lineJoin="round"
          tension={0.4}
          listening={false}
        />
      )}
      <Line
        points={points}
        stroke={color}
        strokeWidth={width}
        lineCap="round"
        lineJoin="round"
        tension={0.4}
        // thin strokes are hard to hit with a finger: widen the hit area, not the ink
        hitStrokeWidth={Math.max(width, 16)}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})
