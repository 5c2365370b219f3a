import { useEffect, useMemo, useRef, useState } from 'react'
import type Konva from 'konva'
import {
  pinchViewport,
  wheelViewport,
  type Point,
  type Size,
  type TouchPair,
  type Viewport,
} from './viewport'

/** What panning and zooming read on each event (the canvas's latest props, through a ref). */
export interface PanZoomInputs {
  readonly viewport: Viewport
  readonly size: Size
  readonly onViewportChange: (viewport: Viewport) => void
}

type StageRef = { readonly current: Konva.Stage | null }

/** Keys and fields where Space means what it always means (type a space, press a button). */
function spaceBelongsTo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target === document.body || target.classList.contains('canvas-focus')) return false
  return true
}

/** Whether Space is held down over the board: while it is, dragging pans with any tool. */
function useSpaceHeld(): boolean {
  const [held, setHeld] = useState(false)
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey || spaceBelongsTo(e.target)) return
      e.preventDefault() // no page scroll, no button press
      if (!e.repeat) setHeld(true)
    }
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') setHeld(false)
    }
    const release = () => setHeld(false)
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', release)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', release)
    }
  }, [])
  return held
}

/** The first two touches of a touch event, in the stage's screen coordinates. */
function touchPair(stage: Konva.Stage, e: TouchEvent): TouchPair | null {
  const a = e.touches[0]
  const b = e.touches[1]
  if (!a || !b) return null
  const box = stage.container().getBoundingClientRect()
  const at = (t: Touch): Point => ({ x: t.clientX - box.left, y: t.clientY - box.top })
  return [at(a), at(b)]
}

/** The stage's live camera (during a drag it is ahead of the React state). */
const liveViewport = (stage: Konva.Stage): Viewport => ({ x: stage.x(), y: stage.y(), scale: stage.scaleX() })

/**
 * Panning and zooming the board. Dragging empty space pans (Konva's stage drag); with the Hand
 * tool or while Space is held, dragging anywhere pans and objects do not react. The wheel pans,
 * Ctrl+wheel and trackpad pinches zoom about the pointer, and two fingers on a touch screen pinch
 * to zoom and pan together.
 */
export function usePanZoom(
  stageRef: StageRef,
  latest: { readonly current: PanZoomInputs },
  handTool: boolean,
) {
  const space = useSpaceHeld()
  const pinch = useRef<{ start: Viewport; from: TouchPair } | null>(null)
  const panMode = handTool || space
  const handlers = useMemo(() => {
    const beginPinch = (e: Konva.KonvaEventObject<TouchEvent>) => {
      const stage = stageRef.current
      const from = stage && touchPair(stage, e.evt)
      if (!stage || !from) return
      // The first finger may have started a pan (or be about to: Konva's drag waits for a few
      // pixels of movement, and once it runs the stage gets no touch events). Two fingers are a
      // pinch from here on, so end that drag, started or not.
      stage.stopDrag()
      pinch.current = { start: liveViewport(stage), from }
    }
    return {
      onWheel(e: Konva.KonvaEventObject<WheelEvent>) {
        e.evt.preventDefault()
        const { viewport, size, onViewportChange } = latest.current
        const pointer = stageRef.current?.getPointerPosition() ?? { x: size.width / 2, y: size.height / 2 }
        onViewportChange(wheelViewport(viewport, e.evt, pointer, size))
      },
      onTouchStart(e: Konva.KonvaEventObject<TouchEvent>) {
        if (e.evt.touches.length === 2) beginPinch(e)
      },
      onTouchMove(e: Konva.KonvaEventObject<TouchEvent>) {
        const stage = stageRef.current
        if (!pinch.current || !stage || e.evt.touches.length < 2) return
        e.evt.preventDefault()
        if (stage.isDragging()) stage.stopDrag()
        const to = touchPair(stage, e.evt)
        if (to) latest.current.onViewportChange(pinchViewport(pinch.current.start, pinch.current.from, to))
      },
      onTouchEnd(e: Konva.KonvaEventObject<TouchEvent>) {
        if (e.evt.touches.length < 2) pinch.current = null
        // A third finger lifted leaves two: carry on pinching from where they are now.
        else beginPinch(e)
      },
    }
  }, [stageRef, latest])
  return { panMode, handlers }
}
