import { useCallback, useState } from 'react'
import { defaultViewport, type Size, type Viewport } from './viewport'

/** Each canvas keeps its own camera, so switching tabs and back returns to where you were. */
export function useViewports(canvasId: string, size: Size): [Viewport, (v: Viewport) => void] {
  const [views, setViews] = useState<ReadonlyMap<string, Viewport>>(new Map())
  const viewport = views.get(canvasId) ?? defaultViewport(size)
  const setViewport = useCallback(
    (v: Viewport) => setViews((old) => new Map(old).set(canvasId, v)),
    [canvasId],
  )
  return [viewport, setViewport]
}
