import { memo } from 'react'
import { Group, Rect, Text } from '../konva'
import type { InvalidObject } from '../../../shared/schema/boardDoc'
import { i18n } from '../../i18n'

export const PLACEHOLDER_SIZE = { w: 200, h: 110 } as const

/**
 * Stands in for an object this build cannot show (unknown kind, newer version, bad props), so one
 * bad object is visible as such instead of breaking the whole board.
 */
export const PlaceholderNode = memo(function PlaceholderNode({ invalid }: { invalid: InvalidObject }) {
  return (
    <Group x={invalid.x ?? 0} y={invalid.y ?? 0} listening={false}>
      <Rect
        width={PLACEHOLDER_SIZE.w}
        height={PLACEHOLDER_SIZE.h}
        fill="#f4f4f5"
        stroke="#9ca3af"
        strokeWidth={1.5}
        dash={[6, 4]}
        cornerRadius={4}
      />
      <Text
        x={12}
        y={12}
        width={PLACEHOLDER_SIZE.w - 24}
        height={PLACEHOLDER_SIZE.h - 24}
        text={`${
          invalid.kind === '?'
            ? i18n.t('board:nodes.unknownObject')
            : i18n.t('board:nodes.unknownKind', { kind: invalid.kind })
        }\n${invalid.reason}`}
        fontSize={13}
        lineHeight={1.3}
        fill="#4b5563"
        ellipsis
      />
    </Group>
  )
})
