import { useCallback, useMemo, useRef, useState } from 'react'
import { KINDS, type BoardObject } from '../../shared/schema/kinds'
import type { CanvasTools, Drawing, TransformChange } from '../canvas/tools/canvasTools'
import { frameFromDrag } from '../canvas/tools/drawings'
import { DEFAULT_TOOL_OPTIONS, type ToolId, type ToolOptions } from '../canvas/tools/tools'
import type { Size, Viewport } from '../canvas/viewport'
import type { BoardModel } from '../state'
import {
  addFrame,
  addRecipe,
  addShape,
  addText,
  centreSpot,
  commitDrawing,
  commitTransform,
  type ToolContext,
} from './toolActions'
import type { BoardUi } from './useBoardUi'

export interface BoardToolsArgs {
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly ui: BoardUi
  readonly viewport: Viewport
  readonly size: Size
  /** Opens the file picker (the Image tool). */
  readonly pickImage: () => void
}

/** Tools that stay on until another is chosen; the others act once and leave Select on. */
const MODES = new Set<ToolId>(['select', 'hand', 'pen', 'shape', 'frame'])

/**
 * The active tool and what each tool does: acting at once (Sticky note, Text, Image, Recipe card)
 * or as a mode (Pen, Shape, Frame) whose drawings the canvas reports here to become commands.
 */
export function useBoardTools(args: BoardToolsArgs) {
  const [tool, setTool] = useState<ToolId>('select')
  const [options, setOptions] = useState<ToolOptions>(DEFAULT_TOOL_OPTIONS)
  const [recipeId, setRecipeId] = useState<string | null>(null)
  /** The frame whose title field should take focus (a new frame, or Enter on one). */
  const [titleRequest, setTitleRequest] = useState<string | null>(null)
  const ctx = useRef<ToolContext | null>(null)
  ctx.current = { ...args, options, focusTitle: setTitleRequest, openRecipe: setRecipeId }
  // Callbacks read the context when they run, so they stay the same for the memoised canvas.
  const latest = useRef(args)
  latest.current = args
  const run = useCallback(<T>(action: (c: ToolContext) => T): T => action(ctx.current!), [])

  const onDraw = useCallback(
    (d: Drawing) => {
      run((c) => commitDrawing(c, d))
      // a drawn shape or frame is usually adjusted next: back to Select (the pen keeps drawing)
      if (d.kind === 'shape' || d.kind === 'frame') setTool('select')
    },
    [run],
  )
  const onTransform = useCallback(
    (changes: readonly TransformChange[]) => run((c) => commitTransform(c, changes)),
    [run],
  )

  /** A toolbar button or its key. Acting tools leave the mode at Select. */
  const choose = useCallback(
    (id: ToolId) => {
      const { ui, pickImage, model } = latest.current
      // Viewers may still look around: Select and Hand change nothing.
      if (model.readOnly && id !== 'select' && id !== 'hand') return
      if (id === 'sticky') ui.addSticky()
      else if (id === 'text') run(addText)
      else if (id === 'image') pickImage()
      else if (id === 'recipe') run(addRecipe)
      setTool(MODES.has(id) ? id : 'select')
      if (id === 'pen') setOptions((o) => ({ ...o, eraser: false }))
    },
    [run],
  )

  /** The keyboard route for the drag tools: the same object, in the middle of the view. */
  const addShapeHere = useCallback(() => {
    run((c) => {
      const spot = centreSpot(c, KINDS.shape.defaults().w, KINDS.shape.defaults().h)
      addShape(c, spot, spot)
    })
    setTool('select')
  }, [run])
  const addFrameHere = useCallback(() => {
    run((c) => addFrame(c, frameFromDrag(centreSpot(c, KINDS.frame.defaults().w, KINDS.frame.defaults().h))))
    setTool('select')
  }, [run])

  const changeOptions = useCallback(
    (change: Partial<ToolOptions>) => setOptions((o) => ({ ...o, ...change })),
    [],
  )
  const canvasTools = useMemo<CanvasTools>(
    () => ({ tool, options, onDraw, onTransform }),
    [tool, options, onDraw, onTransform],
  )

  return {
    tool,
    options,
    canvasTools,
    choose,
    changeOptions,
    addShapeHere,
    addFrameHere,
    recipeId,
    openRecipe: setRecipeId,
    titleRequest,
    requestTitle: setTitleRequest,
  }
}

export type BoardTools = ReturnType<typeof useBoardTools>
