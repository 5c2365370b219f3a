import { Rect } from '../konva'
import { ACCENT } from '../../theme'

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
