import { useCallback } from 'react'
import type { SetViewportOf } from '../canvas/useViewports'
import { centerOn, type Size, type Viewport } from '../canvas/viewport'
import type { PeerTarget } from './usePeersView'

/**
 * "Go to" someone: opens their canvas at my zoom there, centred on their cursor (or, when it is
 * hidden or off the board, on the middle of their view).
 */
export function useGoTo(args: {
  targets: ReadonlyMap<string, PeerTarget>
  currentCanvas: string
  openCanvas: (id: string) => void
  setViewportOf: SetViewportOf
  viewportOf: (canvasId: string) => Viewport
  size: Size
}): (personKey: string) => void {
  const { targets, currentCanvas, openCanvas, setViewportOf, viewportOf, size } = args
  return useCallback(
    (key: string) => {
      const target = targets.get(key)
      if (!target) return
      setViewportOf(target.canvas, centerOn(viewportOf(target.canvas), size, target))
      if (target.canvas !== currentCanvas) openCanvas(target.canvas)
    },
    [targets, currentCanvas, openCanvas, setViewportOf, viewportOf, size],
  )
}
