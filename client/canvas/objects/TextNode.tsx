import { memo, useMemo } from 'react'
import { Group, Rect } from '../konva'
import { TEXT_SIZE_PX, type ObjectOf } from '../../../shared/schema/kinds'
import { LINE_HEIGHT, boundsOf } from '../../../shared/schema/geometry'
import { flattenRich } from '../../../shared/schema/richBlocks'
import { NOTE_TEXT } from '../../theme'
import { layoutRich } from './richLayout'
import { RichTextShape, canvasRichMeasure } from './RichTextShape'
import { groupProps } from './groupProps'
import type { NodeProps } from './types'
import { useFontsFor } from './webFonts'
import { ContentNoteBanner, ContentNoteCover, NOTE_BANNER_HEIGHT } from './ContentNoteCover'
import { useTextShown } from './shownText'

const measure = canvasRichMeasure(NOTE_TEXT.fontFamily)
/** The box a text behind a content note shows instead of its words. */
const COVER_HEIGHT = 110

/** Free text: no background, only the words, in one of the text sizes. */
export const TextNode = memo(function TextNode(props: NodeProps<ObjectOf<'text'>>) {
  const { object, editing, draggable, peerColor, handlers } = props
  const { w, size, color } = object.props
  const h = boundsOf(object).h
  // my own selection shows the resize handles; someone else's shows as an outline in their colour
  const outline = peerColor ?? undefined
  const fonts = useFontsFor(object.text + object.contentNote)
  const shown = useTextShown(object)
  const banner = object.contentNote && shown ? NOTE_BANNER_HEIGHT : 0
  const layout = useMemo(
    () =>
      layoutRich(
        flattenRich(object.rich),
        w,
        { fontSize: TEXT_SIZE_PX[size], lineHeight: LINE_HEIGHT, bold: size === 'heading' },
        measure,
      ),
    // fonts: measure again once a web font has arrived
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [object.rich, w, size, fonts],
  )
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      {/* a transparent hit area so short or empty text can still be grabbed, as tall as the wrapped text */}
      <Rect
        width={w}
        height={shown ? Math.max(h, layout.height) : COVER_HEIGHT}
        fill="rgba(0,0,0,0.001)"
        stroke={outline}
        strokeWidth={outline ? 2 : 0}
        dash={[6, 4]}
      />
      {banner > 0 && <ContentNoteBanner x={0} y={-banner} width={w} note={object.contentNote} />}
      {!shown && <ContentNoteCover x={0} y={0} width={w} height={COVER_HEIGHT} note={object.contentNote} />}
      {!editing && shown && (
        <RichTextShape width={w} layout={layout} ink={color} family={NOTE_TEXT.fontFamily} />
      )}
    </Group>
  )
})
