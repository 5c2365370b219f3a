import { memo, useSyncExternalStore } from 'react'
import './cursors.css'
import type { Viewport } from './viewport'

/** Another person's pointer, in world coordinates of the canvas being shown. */
export interface RemoteCursor {
  readonly key: string
  readonly name: string
  readonly color: string
  readonly x: number
  readonly y: number
}

/** Where the others' pointers come from: a store that changes at most once a frame. */
export interface CursorSource {
  subscribe(listener: () => void): () => void
  get(): readonly RemoteCursor[]
}

const ARROW = 'M0 0 L0 17 L4.5 12.5 L8 20 L11 18.6 L7.6 11.4 L13.5 11.4 Z'

/**
 * The others' pointers, read from their own store: a moving cursor re-renders these alone, never
 * the board's objects (a busy room moves 30 cursors ten times a second).
 */
export function LiveCursors({ source, viewport }: { source: CursorSource; viewport: Viewport }) {
  const cursors = useSyncExternalStore(source.subscribe, source.get)
  return <CursorsLayer cursors={cursors} viewport={viewport} />
}

/**
 * Pointers of the others, over the canvas at a constant screen size whatever the zoom. They are
 * page elements moved by a transform, not drawn on a canvas: moving one changes no pixels of the
 * board, where a canvas layer of cursors was drawn again and handed whole to the compositor every
 * frame (on a phone that alone took most of a frame). The name is the label's CSS content, so it
 * is not page text; screen readers hear who is here from the people list.
 */
export const CursorsLayer = memo(function CursorsLayer(props: {
  cursors: readonly RemoteCursor[]
  viewport: Viewport
}) {
  const { x, y, scale } = props.viewport
  return (
    <div className="cursors" aria-hidden="true">
      {props.cursors.map((c) => (
        <div
          key={c.key}
          className="cursor"
          style={{ transform: `translate(${x + c.x * scale}px, ${y + c.y * scale}px)` }}
        >
          <CursorMark name={c.name || 'Someone'} color={c.color} />
        </div>
      ))}
    </div>
  )
})

/** A person's arrow and name tag, in their colour. */
const CursorMark = memo(function CursorMark({ name, color }: { name: string; color: string }) {
  return (
    <>
      <svg width="15" height="21" viewBox="-0.6 -0.6 15 21">
        <path d={ARROW} fill={color} stroke="#ffffff" strokeWidth={1.2} />
      </svg>
      <span className="cursor-name" data-name={name} style={{ background: color }} />
    </>
  )
})
