import { memo } from 'react'
import { Group, Rect, Text } from '../konva'
import type { ObjectOf } from '../../../shared/schema/kinds'
import { ACCENT, NOTE_TEXT } from '../../theme'
import { FRAME_TITLE_SIZE, frameTitleLayout } from './frameTitle'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'
import { useFontsFor } from './webFonts'

/** A named area: a light panel with its title above the top-left corner. */
export const FrameNode = memo(function FrameNode(props: NodeProps<ObjectOf<'frame'>>) {
  const { object, selected, draggable, peerColor, handlers } = props
  const { w, h, title } = object.props
  const outline = selected ? ACCENT : (peerColor ?? '#9aa4b2')
  const fonts = useFontsFor(title)
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <Text
        key={fonts}
        y={-FRAME_TITLE_SIZE - 8}
        width={frameTitleLayout(title, w).maxTitleWidth}
        text={title}
        fontSize={FRAME_TITLE_SIZE}
        fontStyle="bold"
        fontFamily={NOTE_TEXT.fontFamily}
        fill="#374151"
        wrap="none"
        ellipsis
      />
      <Rect
        width={w}
        height={h}
        fill="rgba(255,255,255,0.7)"
        stroke={outline}
        strokeWidth={selected ? 3 : 1.5}
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})
