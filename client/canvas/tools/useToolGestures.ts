import { useEffect, useMemo } from 'react'
import type Konva from 'konva'
import { PreviewStore } from './previewStore'
import { ToolGestures, type GestureInputs } from './ToolGestures'
import { isDrawingTool, isPlacingTool } from './tools'

export type { GestureInputs } from './ToolGestures'

/**
 * The tools' pointer gestures for one canvas (see ToolGestures), the preview they draw, and
 * whether objects react to the pointer: not with a drawing tool (they are paper), nor with a placing
 * tool (the next click puts the new object there, over whatever lies beneath, as in Miro).
 */
export function useToolGestures(
  stageRef: { readonly current: Konva.Stage | null },
  latest: { readonly current: GestureInputs },
) {
  const gestures = useMemo(() => new ToolGestures(stageRef, latest, new PreviewStore()), [stageRef, latest])
  const tool = latest.current.tools?.tool ?? 'select'

  useEffect(() => {
    const container = stageRef.current?.container()
    if (container) container.style.cursor = isDrawingTool(tool) || isPlacingTool(tool) ? 'crosshair' : ''
  }, [stageRef, tool])
  useEffect(() => () => gestures.dispose(), [gestures])

  return {
    preview: gestures.preview,
    onPointerDown: gestures.onPointerDown,
    takeClick: gestures.takeClick,
    objectsListen: !isDrawingTool(tool) && !isPlacingTool(tool),
  }
}
