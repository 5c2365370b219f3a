import { useCallback } from 'react'
import type { SetViewportOf } from '../canvas/useViewports'
import { centerOn, type Size, type Viewport } from '../canvas/viewport'
import type { PeersStore } from '../state'
import { targetOf } from './usePeersView'

/**
 * "Go to" someone: opens their canvas at my zoom there, centred on their cursor (or, when it is
 * hidden or off the board, on the middle of their view).
 */
export function useGoTo(args: {
  /** The people present, live: where they are is read when "Go to" is pressed. */
  live: PeersStore
  canvases: readonly { id: string }[]
  currentCanvas: string
  openCanvas: (id: string) => void
  setViewportOf: SetViewportOf
  viewportOf: (canvasId: string) => Viewport
  size: Size
}): (personKey: string) => void {
  const { live, canvases, currentCanvas, openCanvas, setViewportOf, viewportOf, size } = args
  return useCallback(
    (key: string) => {
      const peer = live.get().find((p) => String(p.clientId) === key)
      const target = peer ? targetOf(peer, new Set(canvases.map((c) => c.id))) : null
      if (!target) return
      setViewportOf(target.canvas, centerOn(viewportOf(target.canvas), size, target))
      if (target.canvas !== currentCanvas) openCanvas(target.canvas)
    },
    [live, canvases, currentCanvas, openCanvas, setViewportOf, viewportOf, size],
  )
}
