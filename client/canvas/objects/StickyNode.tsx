import { memo, useMemo } from 'react'
import { Group, Rect, Text } from '../konva'
import type Konva from 'konva'
import type { ObjectOf } from '../../../shared/schema/kinds'
import { useHighContrast } from '../../a11y/contrastPreference'
import { ACCENT, HIGH_CONTRAST_NOTE, NOTE_TEXT, STICKY_FILL } from '../../theme'
import { flattenRich } from '../../../shared/schema/richBlocks'
import { fitRich } from './richLayout'
import { RichTextShape, canvasRichMeasure } from './RichTextShape'
import type { NodeProps } from './types'
import { useFontsFor } from './webFonts'
import { ContentNoteBanner, ContentNoteCover, NOTE_BANNER_HEIGHT } from './ContentNoteCover'
import { useTextShown } from './shownText'

/** Long notes shrink down to this size to show all their text; past it they are cut with an ellipsis. */
const MIN_FONT = 10
const measure = canvasRichMeasure(NOTE_TEXT.fontFamily)

const SELECTED_STROKE = 3
const CORNER = 4

/** A sticky note: a coloured square with its text and, small at the bottom, who wrote it. */
export const StickyNode = memo(function StickyNode(props: NodeProps<ObjectOf<'sticky'>>) {
  const { object, selected, editing, draggable, peerColor, handlers } = props
  const { w, h, color } = object.props
  const pad = NOTE_TEXT.padding
  const authorHeight = object.author ? NOTE_TEXT.authorSize + 6 : 0
  // High contrast: black text, and a black edge so a pale note stands out from the board.
  const contrast = useHighContrast()
  const ink = contrast ? HIGH_CONTRAST_NOTE : NOTE_TEXT
  const stroke = selected ? ACCENT : (peerColor ?? (contrast ? HIGH_CONTRAST_NOTE.edge : undefined))
  // behind a content note the text stays hidden until this person chooses to read it; once shown,
  // the note stays on top of it
  const shown = useTextShown(object)
  const banner = object.contentNote && shown ? NOTE_BANNER_HEIGHT : 0
  const textBox = { width: w - pad * 2, height: h - pad * 2 - authorHeight - banner }
  const fonts = useFontsFor(object.text + object.author + object.contentNote)
  const layout = useMemo(
    () =>
      fitRich(
        flattenRich(object.rich),
        textBox,
        { max: NOTE_TEXT.fontSize, min: MIN_FONT, lineHeight: NOTE_TEXT.lineHeight },
        measure,
      ),
    // the box is derived from w and h; fonts: measure again once a web font has arrived
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [object.rich, w, h, authorHeight, banner, fonts],
  )
  const position = (e: Konva.KonvaEventObject<DragEvent>) => [e.target.x(), e.target.y()] as const
  return (
    <Group
      id={object.id}
      name="object"
      x={object.x}
      y={object.y}
      rotation={object.rotation}
      draggable={draggable}
      onClick={(e) => handlers.select(object.id, e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey)}
      onTap={() => handlers.tap(object.id)}
      onDblClick={() => handlers.edit(object.id)}
      onDblTap={() => handlers.edit(object.id)}
      onDragStart={() => handlers.dragStart(object.id)}
      onDragMove={(e) => handlers.dragMove(object.id, ...position(e))}
      onDragEnd={(e) => handlers.dragEnd(object.id, ...position(e))}
    >
      <Rect
        width={w}
        height={h}
        fill={STICKY_FILL[color]}
        cornerRadius={CORNER}
        shadowColor="rgba(0, 0, 0, 0.2)"
        shadowBlur={8}
        shadowOffsetY={2}
        shadowForStrokeEnabled={false}
        stroke={stroke}
        strokeWidth={selected || peerColor ? SELECTED_STROKE : contrast ? 2 : 0}
        perfectDrawEnabled={false}
      />
      {banner > 0 && (
        <ContentNoteBanner x={pad} y={pad - 4} width={textBox.width} note={object.contentNote} />
      )}
      {!shown && (
        <ContentNoteCover
          x={pad}
          y={pad}
          width={textBox.width}
          height={textBox.height}
          note={object.contentNote}
        />
      )}
      {!editing && shown && (
        <RichTextShape
          x={pad}
          y={pad + banner}
          width={textBox.width}
          layout={layout}
          ink={ink.color}
          family={NOTE_TEXT.fontFamily}
        />
      )}
      {object.author && (
        <Text
          key={fonts}
          x={pad}
          y={h - pad - NOTE_TEXT.authorSize}
          width={w - pad * 2}
          text={object.author}
          fontSize={NOTE_TEXT.authorSize}
          fontFamily={NOTE_TEXT.fontFamily}
          fill={ink.authorColor}
          wrap="none"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
