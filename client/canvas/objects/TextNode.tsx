import { memo } from 'react'
import { Group, Rect, Text } from '../konva'
import { TEXT_SIZE_PX, type ObjectOf } from '../../../shared/schema/kinds'
import { LINE_HEIGHT, boundsOf } from '../../../shared/schema/geometry'
import { NOTE_TEXT } from '../../theme'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'
import { useFontsFor } from './webFonts'

/** Free text: no background, only the words, in one of the text sizes. */
export const TextNode = memo(function TextNode(props: NodeProps<ObjectOf<'text'>>) {
  const { object, editing, draggable, peerColor, handlers } = props
  const { w, size, color } = object.props
  const h = boundsOf(object).h
  // my own selection shows the resize handles; someone else's shows as an outline in their colour
  const outline = peerColor ?? undefined
  const fonts = useFontsFor(object.text)
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      {/* a transparent hit area so short or empty text can still be grabbed; the text's own box is hit too */}
      <Rect
        width={w}
        height={h}
        fill="rgba(0,0,0,0.001)"
        stroke={outline}
        strokeWidth={outline ? 2 : 0}
        dash={[6, 4]}
      />
      {!editing && (
        <Text
          key={fonts}
          width={w}
          text={object.text || ' '}
          fontSize={TEXT_SIZE_PX[size]}
          fontFamily={NOTE_TEXT.fontFamily}
          fontStyle={size === 'heading' ? 'bold' : 'normal'}
          lineHeight={LINE_HEIGHT}
          fill={color}
          wrap="word"
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
