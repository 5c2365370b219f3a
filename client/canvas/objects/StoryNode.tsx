import { memo } from 'react'
import { Group, Rect, Text } from '../konva'
import { storyCredit, type ObjectOf } from '../../../shared/schema/kinds'
import { ACCENT, NOTE_TEXT } from '../../theme'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'

const PAD = 14
const BAND = 8
const TITLE_SIZE = 18
const BODY_SIZE = 14
const CREDIT_SIZE = 12

/** A story card: its title, the storyteller's credit and the story's opening lines. */
export const StoryNode = memo(function StoryNode(props: NodeProps<ObjectOf<'story'>>) {
  const { object, selected, draggable, peerColor, handlers } = props
  const { w, h, title, credit, anonymous } = object.props
  const inner = w - PAD * 2
  const titleH = TITLE_SIZE * 1.25 * 2
  const creditY = BAND + PAD + titleH + 4
  const bodyY = creditY + CREDIT_SIZE * 1.4 + 8
  const text = { fontFamily: NOTE_TEXT.fontFamily, listening: false, perfectDrawEnabled: false }
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <Rect
        width={w}
        height={h}
        fill="#f7f9ff"
        stroke={selected ? ACCENT : (peerColor ?? '#9aa8c7')}
        strokeWidth={selected || peerColor ? 3 : 1.5}
        cornerRadius={8}
      />
      <Rect width={w} height={BAND} fill="#4a5f9c" cornerRadius={[8, 8, 0, 0]} listening={false} />
      <Text
        {...text}
        x={PAD}
        y={BAND + PAD}
        width={inner}
        height={titleH}
        text={title.trim()}
        fontSize={TITLE_SIZE}
        fontStyle="bold"
        fill="#1f2a44"
        ellipsis
      />
      <Text
        {...text}
        x={PAD}
        y={creditY}
        width={inner}
        text={storyCredit(credit, anonymous)}
        fontSize={CREDIT_SIZE}
        fontStyle="italic"
        fill="#4a5570"
        wrap="none"
        ellipsis
      />
      <Text
        {...text}
        x={PAD}
        y={bodyY}
        width={inner}
        height={Math.max(0, h - bodyY - PAD)}
        text={object.text}
        fontSize={BODY_SIZE}
        lineHeight={1.35}
        fill="#1f2a44"
        ellipsis
      />
    </Group>
  )
})
