import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, Text } from '../konva'
import { storyCredit, type ObjectOf } from '../../../shared/schema/kinds'
import { NOTE_TEXT } from '../../theme'
import { storyWords } from '../../i18n/creditWords'
import { CARD_BAND as BAND, CardFrame, CardOpening, CardTitle } from './CardFrame'
import { NOTE_BANNER_HEIGHT } from './ContentNoteCover'
import { groupProps } from './groupProps'
import { useTextShown } from './shownText'
import type { NodeProps } from './types'
import { useFittedRich } from './useFittedRich'

const PAD = 14
const TITLE_SIZE = 18
const BODY_SIZE = 14
const CREDIT_SIZE = 12
const BODY_LINE = 1.4
const INK = '#1f2a44'

/**
 * A story card: a blue band, the title, who told it, and the story's opening lines (the whole story
 * reads in the story panel). Behind a content note the opening lines give way to the note until
 * this person chooses to read the story.
 */
export const StoryNode = memo(function StoryNode(props: NodeProps<ObjectOf<'story'>>) {
  const { t } = useTranslation('material')
  const { object, selected, draggable, peerColor, handlers } = props
  const { w, h, title, credit, anonymous } = object.props
  const inner = w - PAD * 2
  const titleH = TITLE_SIZE * 1.25 * 2
  const creditY = BAND + PAD + titleH + 2
  const shown = useTextShown(object)
  const banner = object.contentNote && shown ? NOTE_BANNER_HEIGHT : 0
  const bodyY = creditY + CREDIT_SIZE * 1.4 + 8
  const bodyBox = { width: inner, height: Math.max(0, h - bodyY - PAD - banner) }
  const opening = useFittedRich(
    object.rich,
    bodyBox,
    { max: BODY_SIZE, min: BODY_SIZE, lineHeight: BODY_LINE },
    object.text + title + credit + object.contentNote,
  )
  const text = { fontFamily: NOTE_TEXT.fontFamily, listening: false, perfectDrawEnabled: false }
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <CardFrame
        w={w}
        h={h}
        fill="#f7f9ff"
        edge="#9aa8c7"
        band="#4a5f9c"
        selected={selected}
        peerColor={peerColor}
      />
      <CardTitle
        x={PAD}
        y={BAND + PAD}
        width={inner}
        height={titleH}
        text={title.trim() || t('story.untitled')}
        fontSize={TITLE_SIZE}
        fill={INK}
      />
      <Text
        {...text}
        x={PAD}
        y={creditY}
        width={inner}
        text={storyCredit(credit, anonymous, storyWords())}
        fontSize={CREDIT_SIZE}
        fontStyle="italic"
        fill="#4a5570"
        wrap="none"
        ellipsis
      />
      <CardOpening
        x={PAD}
        y={bodyY}
        width={inner}
        height={bodyBox.height}
        banner={banner}
        shown={shown}
        layout={opening}
        ink={INK}
        note={object.contentNote}
      />
    </Group>
  )
})
