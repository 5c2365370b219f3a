import type Konva from 'konva'
import { memo, useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { NOTE_TEXT } from '../theme'
import { Group, Label, Layer, Path, Tag, Text } from './konva'
import { useFontsFor } from './objects/webFonts'

/** Another person's pointer, in world coordinates of the canvas being shown. */
export interface RemoteCursor {
  readonly key: string
  readonly name: string
  readonly color: string
  readonly x: number
  readonly y: number
}

/**
 * A person's pointer and name, drawn once into a bitmap: a busy room moves 30 of them ten times a
 * second, and on a phone drawing 30 paths and labels every frame costs more than a frame. The
 * name is in the stack with Noto Sans SC (a Chinese name draws in it on a machine without a
 * Chinese system font), and the bitmap is drawn again once its glyphs have loaded.
 */
const CursorMark = memo(function CursorMark({ name, color }: { name: string; color: string }) {
  const fonts = useFontsFor(name)
  const ref = useRef<Konva.Group>(null)
  useLayoutEffect(() => {
    const mark = ref.current
    if (!mark) return
    mark.cache()
    return () => {
      mark.clearCache()
    }
  }, [name, color, fonts])
  return (
    <Group ref={ref}>
      <Path data={ARROW} fill={color} stroke="#ffffff" strokeWidth={1.2} />
      <Label x={14} y={18}>
        <Tag fill={color} cornerRadius={4} />
        <Text
          key={fonts}
          text={name}
          fill="#ffffff"
          fontSize={12}
          padding={4}
          fontStyle="bold"
          fontFamily={NOTE_TEXT.fontFamily}
        />
      </Label>
    </Group>
  )
})

const ARROW = 'M0 0 L0 17 L4.5 12.5 L8 20 L11 18.6 L7.6 11.4 L13.5 11.4 Z'

/** Where the others' pointers come from: a store that changes at most once a frame. */
export interface CursorSource {
  subscribe(listener: () => void): () => void
  get(): readonly RemoteCursor[]
}

/**
 * The others' pointers, read from their own store: a moving cursor re-renders this layer alone,
 * never the board's objects (a busy room moves 30 cursors ten times a second).
 */
export function LiveCursors({ source, scale }: { source: CursorSource; scale: number }) {
  const cursors = useSyncExternalStore(source.subscribe, source.get)
  return <CursorsLayer cursors={cursors} scale={scale} />
}

/** Pointers of the others, drawn at a constant screen size whatever the zoom. */
export const CursorsLayer = memo(function CursorsLayer(props: {
  cursors: readonly RemoteCursor[]
  scale: number
}) {
  const inverse = 1 / props.scale
  return (
    <Layer listening={false}>
      {props.cursors.map((c) => (
        <Group key={c.key} x={c.x} y={c.y} scaleX={inverse} scaleY={inverse}>
          <CursorMark name={c.name || 'Someone'} color={c.color} />
        </Group>
      ))}
    </Layer>
  )
})
