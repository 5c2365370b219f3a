import { useCallback, useRef, useState } from 'react'
import { defaultViewport, type Size, type Viewport } from './viewport'

/** Sets the camera of any canvas, not only the open one ("Go to" someone on another canvas). */
export type SetViewportOf = (canvasId: string, v: Viewport) => void

/** A camera and the size of the board area it was set for. */
interface Placed {
  readonly view: Viewport
  readonly size: Size
}

/**
 * The camera at another size of the board area, with the same world point in the middle: when a
 * bar wraps, a panel opens or a phone turns, what was in the middle of the view stays there (and
 * a view brought from someone else's screen stays centred where they were looking).
 */
export const resized = ({ view, size }: Placed, now: Size): Viewport => ({
  scale: view.scale,
  x: view.x + (now.width - size.width) / 2,
  y: view.y + (now.height - size.height) / 2,
})

/** Each canvas keeps its own camera, so switching tabs and back returns to where you were. */
export function useViewports(
  canvasId: string,
  size: Size,
): [
  Viewport,
  (v: Viewport) => void,
  SetViewportOf,
  (canvasId: string) => Viewport,
  /** Has this canvas's camera been set yet (by the person, a step, or following someone)? */
  (canvasId: string) => boolean,
] {
  const [views, setViews] = useState<ReadonlyMap<string, Placed>>(new Map())
  const sizeRef = useRef(size)
  sizeRef.current = size
  const viewportOf = useCallback(
    (id: string): Viewport => {
      const placed = views.get(id)
      return placed ? resized(placed, size) : defaultViewport(size)
    },
    [views, size],
  )
  const viewport = viewportOf(canvasId)
  const setViewportOf = useCallback<SetViewportOf>(
    (id, view) => setViews((old) => new Map(old).set(id, { view, size: sizeRef.current })),
    [],
  )
  const setViewport = useCallback((v: Viewport) => setViewportOf(canvasId, v), [canvasId, setViewportOf])
  const isPlaced = useCallback((id: string) => views.has(id), [views])
  return [viewport, setViewport, setViewportOf, viewportOf, isPlaced]
}
