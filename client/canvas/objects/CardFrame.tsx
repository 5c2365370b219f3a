import { Rect, Text } from '../konva'
import { ACCENT, NOTE_TEXT } from '../../theme'
import { ContentNoteBanner, ContentNoteCover } from './ContentNoteCover'
import type { RichLayout } from './richLayout'
import { RichTextShape } from './RichTextShape'

/** The coloured band across a card's top edge. */
export const CARD_BAND = 8

interface CardFrameProps {
  readonly w: number
  readonly h: number
  /** The card's paper. */
  readonly fill: string
  /** The outline when no one has the card selected. */
  readonly edge: string
  /** The band across the top. */
  readonly band: string
  readonly selected: boolean
  readonly peerColor: string | null
}

/**
 * A card's paper: a shadowed, rounded rectangle whose outline shows who has it selected (this
 * person in the accent colour, someone else in theirs), with a coloured band across the top.
 */
export function CardFrame({ w, h, fill, edge, band, selected, peerColor }: CardFrameProps) {
  return (
    <>
      <Rect
        width={w}
        height={h}
        fill={fill}
        stroke={selected ? ACCENT : (peerColor ?? edge)}
        strokeWidth={selected || peerColor ? 3 : 1.5}
        cornerRadius={8}
        shadowColor="rgba(0, 0, 0, 0.15)"
        shadowBlur={8}
        shadowOffsetY={2}
        shadowForStrokeEnabled={false}
      />
      <Rect width={w} height={CARD_BAND} fill={band} cornerRadius={[8, 8, 0, 0]} listening={false} />
    </>
  )
}

/** A card's title: bold, up to two lines in `height`, cut with an ellipsis. */
export function CardTitle(props: {
  x: number
  y: number
  width: number
  height: number
  text: string
  fontSize: number
  fill: string
}) {
  return (
    <Text
      {...props}
      fontFamily={NOTE_TEXT.fontFamily}
      listening={false}
      perfectDrawEnabled={false}
      fontStyle="bold"
      lineHeight={1.25}
      ellipsis
    />
  )
}

/**
 * A card's rich text laid out in a box at (x, y). Behind a content note: a cover in its place until
 * this person chooses to read it (`shown`), then the note as a banner (`banner` high) above it.
 */
export function CardOpening(props: {
  x: number
  y: number
  width: number
  height: number
  banner: number
  shown: boolean
  layout: RichLayout
  ink: string
  note: string
}) {
  const { x, y, width, banner, note } = props
  return (
    <>
      {banner > 0 && <ContentNoteBanner x={x} y={y} width={width} note={note} />}
      {props.shown ? (
        <RichTextShape
          x={x}
          y={y + banner}
          width={width}
          layout={props.layout}
          ink={props.ink}
          family={NOTE_TEXT.fontFamily}
        />
      ) : (
        <ContentNoteCover x={x} y={y} width={width} height={props.height} note={note} />
      )}
    </>
  )
}
