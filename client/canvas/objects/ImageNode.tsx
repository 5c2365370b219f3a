import { memo } from 'react'
import { Group, Image, Rect, Text } from '../konva'
import { needsDescription, type ObjectOf } from '../../../shared/schema/kinds'
import { ACCENT, NOTE_TEXT } from '../../theme'
import { groupProps } from './groupProps'
import { useBoardImage } from './imageSource'
import type { NodeProps } from './types'
import { useTranslation } from 'react-i18next'

/** An uploaded picture, with a visible "Needs a description" badge until someone describes it. */
export const ImageNode = memo(function ImageNode(props: NodeProps<ObjectOf<'image'>>) {
  const { object, selected, draggable, peerColor, handlers } = props
  const { w, h, alt, src } = object.props
  const loaded = useBoardImage(src)
  const { t } = useTranslation('board')
  const outline = selected ? ACCENT : peerColor
  return (
    <Group {...groupProps(object, draggable, handlers)}>
      {loaded.status === 'ready' ? (
        <Image image={loaded.image} width={w} height={h} perfectDrawEnabled={false} />
      ) : (
        <>
          <Rect width={w} height={h} fill="#eef0f3" stroke="#c4c9d1" strokeWidth={1} />
          <Text
            x={12}
            y={12}
            width={w - 24}
            text={loaded.status === 'error' ? t('nodes.failed') : t('nodes.loading')}
            fontSize={14}
            fontFamily={NOTE_TEXT.fontFamily}
            fill="#4b5563"
            listening={false}
          />
        </>
      )}
      {outline && <Rect width={w} height={h} stroke={outline} strokeWidth={3} listening={false} />}
      {needsDescription(alt) && <Badge />}
    </Group>
  )
})

/** A small dark label in the corner: visible on any picture, and a prompt to describe it. */
function Badge() {
  const { t } = useTranslation('board')
  const width = 150
  return (
    <Group x={8} y={8} listening={false}>
      <Rect width={width} height={24} fill="rgba(17, 24, 39, 0.82)" cornerRadius={12} />
      <Text
        width={width}
        height={24}
        text={t('nodes.needsDescription')}
        align="center"
        verticalAlign="middle"
        fontSize={12}
        fontFamily={NOTE_TEXT.fontFamily}
        fill="#ffffff"
      />
    </Group>
  )
}
