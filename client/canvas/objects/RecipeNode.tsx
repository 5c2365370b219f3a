import { memo } from 'react'
import { Group, Text } from '../konva'
import { creditLine, type ObjectOf } from '../../../shared/schema/kinds'
import { NOTE_TEXT } from '../../theme'
import { CARD_BAND as BAND, CardFrame, CardOpening, CardTitle } from './CardFrame'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'
import { useFittedRich } from './useFittedRich'
import { useTranslation } from 'react-i18next'
import { creditWords } from '../../i18n/creditWords'
import { NOTE_BANNER_HEIGHT } from './ContentNoteCover'
import { useTextShown } from './shownText'

const PAD = 16
const TITLE_SIZE = 20
const BODY_SIZE = 14
const CREDIT_SIZE = 12
const METHOD_LINE = 1.35

/**
 * A recipe card: a coloured band, the title, who it is for, how many ingredients, the start of the
 * method, and the credit line at the foot. The recipe panel edits it; the card only shows it.
 */
export const RecipeNode = memo(function RecipeNode(props: NodeProps<ObjectOf<'recipe'>>) {
  const { t } = useTranslation('board')
  const { object, selected, draggable, peerColor, handlers } = props
  const { w, h, title, forWhom, ingredients, credits, anonymous } = object.props
  const inner = w - PAD * 2
  // one line each, so the layout never depends on measuring wrapped text; a card with neither (a
  // new one) shows no "0 ingredients" line, only its title and what the method says
  const details = [
    forWhom.trim() ? t('nodes.forWhom', { who: forWhom.trim() }) : '',
    ingredients.length > 0 ? t('nodes.ingredients', { count: ingredients.length }) : '',
  ].filter(Boolean)
  const line = BODY_SIZE * 1.4
  const titleH = TITLE_SIZE * 1.25 * 2
  const detailsY = BAND + PAD + titleH + 6
  const methodY = detailsY + line * details.length + 8
  const creditY = h - PAD - CREDIT_SIZE * 1.3
  const shown = useTextShown(object)
  const banner = object.contentNote && shown ? NOTE_BANNER_HEIGHT : 0
  const methodBox = { width: inner, height: Math.max(0, creditY - methodY - 8 - banner) }
  const method = useFittedRich(
    object.rich,
    methodBox,
    { max: BODY_SIZE, min: BODY_SIZE, lineHeight: METHOD_LINE },
    object.text,
  )
  const text = { fontFamily: NOTE_TEXT.fontFamily, listening: false, perfectDrawEnabled: false }
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      <CardFrame
        w={w}
        h={h}
        fill="#fffaf0"
        edge="#d6b98c"
        band="#d9822b"
        selected={selected}
        peerColor={peerColor}
      />
      <CardTitle
        x={PAD}
        y={BAND + PAD}
        width={inner}
        height={titleH}
        text={title.trim() || t('nodes.untitledRecipe')}
        fontSize={TITLE_SIZE}
        fill="#3b2f1e"
      />
      {details.map((d, i) => (
        <Text
          key={i}
          {...text}
          x={PAD}
          y={detailsY + i * line}
          width={inner}
          text={d}
          fontSize={BODY_SIZE}
          fill="#5b4a33"
          wrap="none"
          ellipsis
        />
      ))}
      <CardOpening
        x={PAD}
        y={methodY}
        width={inner}
        height={methodBox.height}
        banner={banner}
        shown={shown}
        layout={method}
        ink="#3b2f1e"
        note={object.contentNote}
      />
      <Text
        {...text}
        x={PAD}
        y={creditY}
        width={inner}
        text={creditLine(credits, anonymous, creditWords())}
        fontSize={CREDIT_SIZE}
        fontStyle="italic"
        fill="#6b5a40"
        wrap="none"
        ellipsis
      />
    </Group>
  )
})
