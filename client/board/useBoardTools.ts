import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { KINDS, type BoardObject } from '../../shared/schema/kinds'
import type { CanvasTools, Drawing, TransformChange } from '../canvas/tools/canvasTools'
import { frameFromDrag } from '../canvas/tools/drawings'
import { DEFAULT_TOOL_OPTIONS, TOOLS, type ToolId, type ToolOptions } from '../canvas/tools/tools'
import type { Point, Size, Viewport } from '../canvas/viewport'
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
  /** Opens the file picker (the Image tool); the pictures land at the point, or in the middle. */
  readonly pickImage: (at: Point | null) => void
}

/** How a tool was chosen: its toolbar button adds at once; its key only arms it. */
export type ChosenBy = 'button' | 'key'

/** An object a toolbar button just added in the middle of the view, as it was when added. */
interface Pending {
  readonly id: string
  first: BoardObject | null
}

const toolDef = (id: ToolId) => TOOLS.find((t) => t.id === id)!

/**
 * The active tool and what each tool does. Placing tools (Sticky note, Text, Recipe card, Image)
 * put one object where the person clicks next; their buttons also add one in the middle at once,
 * which a click elsewhere moves there while it is untouched (so both habits give exactly one
 * object). Pen, Shape and Frame are modes whose drawings the canvas reports here as commands.
 */
export function useBoardTools(args: BoardToolsArgs) {
  const [tool, setTool] = useState<ToolId>('select')
  const pending = useRef<Pending | null>(null)
  const [hasPending, setHasPending] = useState(false)
  const setPending = useCallback((next: Pending | null) => {
    pending.current = next
    setHasPending(next !== null)
  }, [])
  const [options, setOptions] = useState<ToolOptions>(DEFAULT_TOOL_OPTIONS)
  const [recipeId, setRecipeId] = useState<string | null>(null)
  /** The frame whose title field should take focus (a new frame, or Enter on one). */
  const [titleRequest, setTitleRequest] = useState<string | null>(null)
  const ctx = useRef<ToolContext | null>(null)
  ctx.current = { ...args, options, focusTitle: setTitleRequest, openRecipe: setRecipeId }
  // Callbacks read the context when they run, so they stay the same for the memoised canvas.
  const latest = useRef(args)
  latest.current = args
  const latestTool = useRef(tool)
  latestTool.current = tool
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

  /** A toolbar button or its key. */
  const choose = useCallback(
    (id: ToolId, by: ChosenBy = 'button') => {
      const { ui, pickImage, model } = latest.current
      const def = toolDef(id)
      // Viewers may still look around: Select and Hand change nothing.
      if (model.readOnly && def.writes) return
      setPending(null)
      if (id === 'pen') setOptions((o) => ({ ...o, eraser: false }))
      if (by === 'key' || !def.places) return setTool(id)
      if (id === 'image') {
        setTool('select')
        return pickImage(null)
      }
      const added = id === 'sticky' ? ui.addSticky() : run((c) => (id === 'text' ? addText(c) : addRecipe(c)))
      setPending(added ? { id: added, first: null } : null)
      setTool(added ? id : 'select')
    },
    [run, setPending],
  )

  /** A click or tap on the board with a placing tool armed: the object goes there, once. */
  const place = useCallback(
    (at: Point | null) => {
      const armed = latestTool.current
      const { ui, pickImage, model } = latest.current
      const before = pending.current
      setPending(null)
      setTool('select')
      // The untouched one its button added in the middle moves here (a note left empty goes by
      // itself when its editing ends; a recipe card is taken back here).
      if (before && at && armed === 'recipe') {
        model.undo.forget(before.id)
        model.commands.discardObjects([before.id])
      }
      if (armed === 'sticky') ui.addSticky(true, at ?? undefined)
      else if (armed === 'text') run((c) => addText(c, at))
      else if (armed === 'recipe') run((c) => addRecipe(c, at))
      else if (armed === 'image') pickImage(at)
    },
    [run, setPending],
  )
  useDisarmWhenTouched(pending, args.objects, args.ui, recipeId, () => {
    setPending(null)
    setTool('select')
  })

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
  const onPlace = useCallback((at: Point) => place(at), [place])
  const canvasTools = useMemo<CanvasTools>(
    () => ({ tool, options, onDraw, onTransform, onPlace }),
    [tool, options, onDraw, onTransform, onPlace],
  )

  return {
    tool,
    options,
    canvasTools,
    choose,
    /** Enter with a placing tool armed: the keyboard's way to place, in the middle of the view. */
    placeInMiddle: () => place(null),
    /** Whether the object the button added waits, untouched, for a click that moves it. */
    hasPending,
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

/**
 * Once the person types into the object its button added (or its editor or panel closes), the
 * tool hands back to Select: the next click selects, it does not add another object.
 */
function useDisarmWhenTouched(
  pending: { current: Pending | null },
  objects: readonly BoardObject[],
  ui: BoardToolsArgs['ui'],
  recipeId: string | null,
  disarm: () => void,
) {
  const disarmNow = useRef(disarm)
  disarmNow.current = disarm
  const editingId = ui.editing?.id ?? null
  useEffect(() => {
    const p = pending.current
    if (!p) return
    const now = objects.find((o) => o.id === p.id)
    if (!now) {
      if (p.first) disarmNow.current() // gone (left empty, or undone)
      return
    }
    p.first ??= now
    const touched = now.text !== p.first.text || JSON.stringify(now.props) !== JSON.stringify(p.first.props)
    const open = now.kind === 'recipe' ? recipeId === p.id : editingId === p.id
    if (touched || !open) disarmNow.current()
  }, [pending, objects, editingId, recipeId])
}
