import { memo } from 'react'
import { Group, Line, Rect } from '../konva'
import type { BoardObject } from '../../../shared/schema/kinds'
import { ACCENT, STICKY_FILL } from '../../theme'
import { boundsOf } from './bounds'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'

/** Below this zoom, text is small, so a crowded view draws objects as their shapes only. */
export const LOW_DETAIL_SCALE = 0.4
/**
 * Views with at most this many objects keep their text at any zoom: drawing it costs little there,
 * and a phone shows a whole frame at about 30 %, where a note just written would otherwise look
 * empty the moment its editor closed (its words and the frame's title gone from the board).
 */
export const LOW_DETAIL_MIN_OBJECTS = 150

/** Whether a view at this zoom holding this many objects is drawn in low detail. */
export const drawsLowDetail = (scale: number, objectsInView: number): boolean =>
  scale < LOW_DETAIL_SCALE && objectsInView > LOW_DETAIL_MIN_OBJECTS

const CARD_FILL = '#ffffff'
const CARD_STROKE = '#9aa5b1'

/**
 * An object drawn cheaply for a zoomed-out view: a flat box in its colour, no text or shadow, and
 * strokes without curve smoothing. It still selects and drags like the full node, so nothing
 * changes for the person except detail they could not have read at this size.
 */
export const LowDetailNode = memo(function LowDetailNode(props: NodeProps<BoardObject>) {
  const { object, selected, draggable, peerColor, handlers } = props
  const outline = selected ? ACCENT : (peerColor ?? undefined)
  const common = { listening: true, perfectDrawEnabled: false, shadowForStrokeEnabled: false } as const
  if (object.kind === 'stroke') {
    return (
      <Group {...groupProps(object, draggable, handlers)}>
        <Line
          {...common}
          points={object.props.points}
          stroke={outline ?? object.props.color}
          strokeWidth={object.props.width}
        />
      </Group>
    )
  }
  // boxes are drawn at the object's own origin, like the full nodes, so drags report the same x/y
  const b = boundsOf(object)
  const box = { x: b.x - object.x, y: b.y - object.y, width: b.w, height: b.h }
  const fill =
    object.kind === 'sticky'
      ? STICKY_FILL[object.props.color]
      : object.kind === 'frame'
        ? undefined
        : object.kind === 'shape'
          ? object.props.fill === 'transparent'
            ? undefined
            : object.props.fill
          : CARD_FILL
  const stroke = outline ?? (object.kind === 'frame' || object.kind !== 'sticky' ? CARD_STROKE : undefined)
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <Rect
        {...common}
        {...box}
        fill={fill}
        stroke={stroke}
        strokeWidth={outline ? 6 : 2}
        strokeScaleEnabled={false}
      />
    </Group>
  )
})
