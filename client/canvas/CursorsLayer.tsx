import { memo } from 'react'
import { Group, Label, Layer, Path, Tag, Text } from './konva'

/** Another person's pointer, in world coordinates of the canvas being shown. */
export interface RemoteCursor {
  readonly key: string
  readonly name: string
  readonly color: string
  readonly x: number
  readonly y: number
}

const ARROW = 'M0 0 L0 17 L4.5 12.5 L8 20 L11 18.6 L7.6 11.4 L13.5 11.4 Z'

/** Live pointers of the others, drawn at a constant screen size whatever the zoom. */
export const CursorsLayer = memo(function CursorsLayer(props: {
  cursors: readonly RemoteCursor[]
  scale: number
}) {
  const inverse = 1 / props.scale
  return (
    <Layer listening={false}>
      {props.cursors.map((c) => (
        <Group key={c.key} x={c.x} y={c.y} scaleX={inverse} scaleY={inverse}>
          <Path data={ARROW} fill={c.color} stroke="#ffffff" strokeWidth={1.2} />
          <Label x={14} y={18}>
            <Tag fill={c.color} cornerRadius={4} />
            <Text text={c.name || 'Someone'} fill="#ffffff" fontSize={12} padding={4} fontStyle="bold" />
          </Label>
        </Group>
      ))}
    </Layer>
  )
})
