import { useCallback, useEffect, useMemo, useState } from 'react'
import { viewCenter, type Point, type Size, type Viewport } from '../canvas/viewport'
import { rememberCursorHidden, rememberedCursorHidden } from '../device'
import { createCursorPublisher, setPresenceSelection, type RoomConnection } from '../sync'

/** The middle of the view is sent rounded: nobody needs it finer, and it saves small updates. */
const round = (n: number): number => Math.round(n)

/**
 * What this person shares about where they are: the pointer (throttled, in world coordinates of
 * the canvas they are on; never while they hide it), the middle of their view, and their selection.
 */
export function usePresencePublishing(args: {
  board: RoomConnection
  canvasId: string
  viewport: Viewport
  size: Size
  selection: ReadonlySet<string>
}) {
  const { board, canvasId, viewport, size } = args
  const publisher = useMemo(() => createCursorPublisher(board.awareness), [board])
  useEffect(() => () => publisher.dispose(), [publisher])
  const [cursorHidden, setCursorHidden] = useState(rememberedCursorHidden)

  useEffect(() => publisher.setCursorHidden(cursorHidden), [publisher, cursorHidden])
  const center = size.width > 0 ? viewCenter(viewport, size) : null
  const cx = center ? round(center.x) : null
  const cy = center ? round(center.y) : null
  // the zoom and the world area on screen, for people following this person
  const scale = viewport.scale
  const w = size.width / scale
  const h = size.height / scale
  useEffect(() => {
    publisher.publishView(
      cx === null || cy === null || !(w > 0 && h > 0)
        ? null
        : { canvas: canvasId, x: cx, y: cy, scale, w, h },
    )
  }, [publisher, canvasId, cx, cy, scale, w, h])

  const ids = useMemo(() => [...args.selection].sort().join(','), [args.selection])
  useEffect(() => {
    setPresenceSelection(board.awareness, ids ? ids.split(',') : [])
  }, [board, ids])

  const onPointer = useCallback(
    (point: Point | null) => publisher.publish(point ? { canvas: canvasId, x: point.x, y: point.y } : null),
    [publisher, canvasId],
  )
  const toggleCursor = useCallback(() => {
    rememberCursorHidden(!cursorHidden)
    setCursorHidden(!cursorHidden)
  }, [cursorHidden])
  return { onPointer, cursorHidden, toggleCursor }
}
