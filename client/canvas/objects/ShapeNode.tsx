import { memo } from 'react'
import { Arrow, Ellipse, Group, Line, Rect } from '../konva'
import type { ObjectOf } from '../../../shared/schema/kinds'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'

/** The drawing of one shape, relative to its group (shared with the draw-preview of the tool). */
export function ShapeBody({ props }: { props: ObjectOf<'shape'>['props'] }) {
  const { shape, w, h, fill, stroke, strokeWidth } = props
  const paint = {
    stroke,
    strokeWidth,
    fill: fill === 'transparent' ? undefined : fill,
    perfectDrawEnabled: false,
  }
  switch (shape) {
    case 'rect':
      return <Rect width={w} height={h} {...paint} />
    case 'ellipse':
      return <Ellipse x={w / 2} y={h / 2} radiusX={Math.abs(w / 2)} radiusY={Math.abs(h / 2)} {...paint} />
    case 'line':
      return (
        <Line points={[0, 0, w, h]} {...paint} lineCap="round" hitStrokeWidth={Math.max(strokeWidth, 16)} />
      )
    case 'arrow':
      return (
        <Arrow
          points={[0, 0, w, h]}
          {...paint}
          fill={stroke}
          pointerLength={strokeWidth * 4 + 6}
          pointerWidth={strokeWidth * 4 + 6}
          hitStrokeWidth={Math.max(strokeWidth, 16)}
        />
      )
  }
}

/** A rectangle, ellipse, line or arrow. */
export const ShapeNode = memo(function ShapeNode(props: NodeProps<ObjectOf<'shape'>>) {
  const { object, draggable, peerColor, handlers } = props
  // my own selection shows the resize handles; someone else's shows as an outline in their colour
  const outline = peerColor
  const { w, h } = object.props
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <ShapeBody props={object.props} />
      {outline && (
        <Rect
          x={Math.min(0, w)}
          y={Math.min(0, h)}
          width={Math.abs(w)}
          height={Math.abs(h)}
          stroke={outline}
          strokeWidth={1.5}
          dash={[6, 4]}
          listening={false}
        />
      )}
    </Group>
  )
})
