import { useTranslation } from 'react-i18next'
import { Group, Rect, Text } from '../konva'
import { NOTE_TEXT } from '../../theme'

const WARN = '#8a1c1c'
const text = { fontFamily: NOTE_TEXT.fontFamily, listening: false, perfectDrawEnabled: false } as const

/** Height of the one-line content note drawn above a text that is shown. */
export const NOTE_BANNER_HEIGHT = 22

/**
 * In place of a text behind a content note: the note, and how to read the text. Drawn in the box
 * the text would take, so the card keeps its size and its other parts (title, credit) stay.
 */
export function ContentNoteCover(props: {
  x: number
  y: number
  width: number
  height: number
  note: string
}) {
  const { t } = useTranslation('material')
  const { x, y, width, height, note } = props
  if (height < 16 || width < 20) return null
  return (
    <Group x={x} y={y} listening={false}>
      <Rect
        width={width}
        height={height}
        fill="rgba(255,255,255,0.7)"
        stroke={WARN}
        dash={[5, 3]}
        cornerRadius={4}
      />
      <Text
        {...text}
        x={8}
        y={8}
        width={width - 16}
        text={`⚠ ${t('contentNote.label')}`}
        fontSize={12}
        fontStyle="bold"
        fill={WARN}
        wrap="none"
        ellipsis
      />
      <Text
        {...text}
        x={8}
        y={26}
        width={width - 16}
        height={Math.max(0, height - 52)}
        text={note}
        fontSize={15}
        fill="#1f2328"
        ellipsis
      />
      {height > 64 && (
        <Text
          {...text}
          x={8}
          y={height - 22}
          width={width - 16}
          text={t('contentNote.hiddenText')}
          fontSize={11}
          fontStyle="italic"
          fill="#57606a"
          wrap="none"
          ellipsis
        />
      )}
    </Group>
  )
}

/** The content note on one line above a text that is shown (and in exports, before the text). */
export function ContentNoteBanner(props: { x: number; y: number; width: number; note: string }) {
  return (
    <Text
      {...text}
      x={props.x}
      y={props.y}
      width={props.width}
      height={NOTE_BANNER_HEIGHT}
      text={`⚠ ${props.note}`}
      fontSize={12}
      fontStyle="bold"
      fill={WARN}
      wrap="none"
      ellipsis
    />
  )
}
