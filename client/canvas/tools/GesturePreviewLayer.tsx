import { useSyncExternalStore } from 'react'
import { Group, Layer, Line, Rect } from '../konva'
import { ACCENT } from '../../theme'
import { ShapeBody } from '../objects/ShapeNode'
import { shapeFromDrag } from './drawings'
import type { GesturePreview, PreviewStore } from './previewStore'

/** Far enough that a guide line crosses any view. */
const GUIDE_REACH = 1e6

/** Draws the gesture in progress (marquee, stroke, shape, frame) and snap guides; never listens. */
export function GesturePreviewLayer({ store }: { store: PreviewStore }) {
  const { drawing, guides } = useSyncExternalStore(store.subscribe, store.get)
  return (
    <Layer listening={false}>
      {drawing && <Drawing preview={drawing} />}
      {guides?.x != null && (
        <Line
          points={[guides.x, -GUIDE_REACH, guides.x, GUIDE_REACH]}
          stroke="#e4337f"
          strokeWidth={1}
          strokeScaleEnabled={false}
        />
      )}
      {guides?.y != null && (
        <Line
          points={[-GUIDE_REACH, guides.y, GUIDE_REACH, guides.y]}
          stroke="#e4337f"
          strokeWidth={1}
          strokeScaleEnabled={false}
        />
      )}
    </Layer>
  )
}

function Drawing({ preview }: { preview: GesturePreview }) {
  switch (preview.kind) {
    case 'marquee': {
      const { x, y, w, h } = preview.rect
      return (
        <Rect
          x={x}
          y={y}
          width={w}
          height={h}
          fill="rgba(36, 99, 235, 0.08)"
          stroke={ACCENT}
          strokeWidth={1}
          dash={[4, 4]}
          strokeScaleEnabled={false}
        />
      )
    }
    case 'pen':
      return (
        <Line
          points={[...preview.points]}
          stroke={preview.color}
          strokeWidth={preview.width}
          lineCap="round"
          lineJoin="round"
          tension={0.4}
        />
      )
    case 'shape': {
      const shape = shapeFromDrag(preview.from, preview.to, preview.options)
      return (
        <Group x={shape.x} y={shape.y} opacity={0.8}>
          <ShapeBody props={shape.props} />
        </Group>
      )
    }
    case 'frame': {
      const { x, y, w, h } = preview.rect
      return (
        <Rect
          x={x}
          y={y}
          width={w}
          height={h}
          stroke="#6b7280"
          strokeWidth={1.5}
          dash={[8, 6]}
          strokeScaleEnabled={false}
          cornerRadius={6}
        />
      )
    }
  }
}
