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

const measure = canvasRichMeasure(NOTE_TEXT.fontFamily)

/** Free text: no background, only the words, in one of the text sizes. */
export const TextNode = memo(function TextNode(props: NodeProps<ObjectOf<'text'>>) {
  const { object, editing, draggable, peerColor, handlers } = props
  const { w, size, color } = object.props
  const h = boundsOf(object).h
  // my own selection shows the resize handles; someone else's shows as an outline in their colour
  const outline = peerColor ?? undefined
  const fonts = useFontsFor(object.text)
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
        height={Math.max(h, layout.height)}
        fill="rgba(0,0,0,0.001)"
        stroke={outline}
        strokeWidth={outline ? 2 : 0}
        dash={[6, 4]}
      />
      {!editing && <RichTextShape width={w} layout={layout} ink={color} family={NOTE_TEXT.fontFamily} />}
    </Group>
  )
})
