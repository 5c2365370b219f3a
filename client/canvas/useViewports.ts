import { useCallback, useState } from 'react'
import { defaultViewport, type Size, type Viewport } from './viewport'

/** Sets the camera of any canvas, not only the open one ("Go to" someone on another canvas). */
export type SetViewportOf = (canvasId: string, v: Viewport) => void

/** Each canvas keeps its own camera, so switching tabs and back returns to where you were. */
export function useViewports(
  canvasId: string,
  size: Size,
): [Viewport, (v: Viewport) => void, SetViewportOf, (canvasId: string) => Viewport] {
  const [views, setViews] = useState<ReadonlyMap<string, Viewport>>(new Map())
  const viewport = views.get(canvasId) ?? defaultViewport(size)
  const setViewportOf = useCallback<SetViewportOf>((id, v) => setViews((old) => new Map(old).set(id, v)), [])
  const setViewport = useCallback((v: Viewport) => setViewportOf(canvasId, v), [canvasId, setViewportOf])
  const viewportOf = useCallback((id: string) => views.get(id) ?? defaultViewport(size), [views, size])
  return [viewport, setViewport, setViewportOf, viewportOf]
}
