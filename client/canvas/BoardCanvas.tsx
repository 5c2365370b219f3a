import { useMemo, useRef, type ReactNode } from 'react'
import { Layer, Stage, WindowLayer } from './konva'
import type Konva from 'konva'
import type { InvalidObject } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { LiveCursors, type CursorSource } from './CursorsLayer'
import { gridStyle } from './grid'
import { boundsOf } from './objects/bounds'
import { drawsLowDetail } from './objects/LowDetailNode'
import { ObjectNode } from './objects/ObjectNode'
import { PlaceholderNode } from './objects/PlaceholderNode'
import type { NodeHandlers } from './objects/types'
import { ObjectDrag, type ObjectRights } from './ObjectDrag'
import { SelectionTransformer } from './SelectionTransformer'
import type { CanvasTools } from './tools/canvasTools'
import { GesturePreviewLayer } from './tools/GesturePreviewLayer'
import { isPlacingTool } from './tools/tools'
import { useToolGestures } from './tools/useToolGestures'
import { areaOf, splitByHeat } from './hotObjects'
import { useHotObjects } from './useHotObjects'
import { usePanZoom } from './usePanZoom'
import { screenToWorld, viewCenter, type Point, type Size, type Viewport } from './viewport'

/** A position an object is moved to; the board commits all of one drop in one transaction. */
export interface ObjectMove {
  readonly id: string
  readonly x: number
  readonly y: number
}

export interface BoardCanvasProps {
  readonly objects: readonly BoardObject[]
  readonly invalid: readonly InvalidObject[]
  readonly size: Size
  readonly viewport: Viewport
  readonly onViewportChange: (viewport: Viewport) => void
  readonly selection: ReadonlySet<string>
  readonly onSelectionChange: (ids: readonly string[]) => void
  readonly editingId: string | null
  readonly onEdit: (id: string | null) => void
  readonly readOnly: boolean
  /** What this person may do with each object: only those they may change are dragged or resized. */
  readonly may: ObjectRights
  /** Objects other people have selected, with their colour. */
  readonly peerSelections: ReadonlyMap<string, string>
  /** The others' pointers on this canvas, live. */
  readonly cursors: CursorSource
  /** Names of the people pointing at this canvas (what browser tests read of the cursors). */
  readonly cursorNames: string
  readonly onMove: (moves: readonly ObjectMove[]) => void
  /** The pointer in world coordinates, or null when it leaves the board. */
  readonly onPointer: (point: Point | null) => void
  /** The active tool, its options, and where drawings and resizes go. */
  readonly tools?: CanvasTools
  /** Konva nodes drawn over the objects in view, in world coordinates (badges, marks). */
  readonly overlay?: (visible: readonly BoardObject[], scale: number) => ReactNode
}

/** Objects this far (screen px) outside the view are still drawn, so panning never shows gaps. */
const CULL_MARGIN = 200

/** The Konva stage: pans, zooms, draws the objects of one canvas and the others' cursors. */
export function BoardCanvas(props: BoardCanvasProps) {
  const { size, viewport, objects, invalid, selection, editingId, readOnly } = props
  const stageRef = useRef<Konva.Stage>(null)
  const latest = useRef(props)
  latest.current = props
  const gestures = useToolGestures(stageRef, latest)
  // With the Hand tool or Space held, a drag anywhere pans: objects and tools stand aside.
  const panZoom = usePanZoom(stageRef, latest, props.tools?.tool === 'hand')
  const objectsListen = gestures.objectsListen && !panZoom.panMode
  const drag = useMemo(() => new ObjectDrag(stageRef, gestures.preview), [gestures.preview])
  const handlers = useNodeHandlers(latest, drag)
  const transformable = useMemo(
    () =>
      readOnly || !objectsListen || !props.tools
        ? []
        : objects.filter((o) => selection.has(o.id) && props.may.edit(o) && o.id !== editingId),
    [objects, selection, editingId, readOnly, objectsListen, props.tools, props.may],
  )
  const visible = useMemo(() => cull(objects, viewport, size), [objects, viewport, size])
  const lowDetail = drawsLowDetail(viewport.scale, visible.length)
  // what others are changing right now (typing) is drawn on a layer of its own, above the rest
  const hot = useHotObjects(objects, visible, {
    keepDown: (id) => selection.has(id) || id === editingId,
    frozen: drag.active,
  })
  const { cold, warm } = useMemo(() => splitByHeat(visible, hot), [visible, hot])
  const node = (object: BoardObject) => (
    <ObjectNode
      key={object.id}
      object={object}
      selected={selection.has(object.id)}
      editing={object.id === editingId}
      draggable={!readOnly && props.may.edit(object) && object.id !== editingId}
      peerColor={props.peerSelections.get(object.id) ?? null}
      handlers={handlers}
      lowDetail={lowDetail}
    />
  )

  const syncViewport = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = stageRef.current
    if (stage && e.target === stage) props.onViewportChange({ ...viewport, x: stage.x(), y: stage.y() })
  }
  const onEmptyClick = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target !== stageRef.current || gestures.takeClick()) return
    props.onSelectionChange([])
    props.onEdit(null)
    const pointer = stageRef.current.getPointerPosition()
    const { tools } = props
    if (pointer && tools && isPlacingTool(tools.tool)) tools.onPlace(screenToWorld(viewport, pointer))
  }
  const onPointerMove = () => {
    const pointer = stageRef.current?.getPointerPosition()
    if (pointer) props.onPointer(screenToWorld(viewport, pointer))
  }

  return (
    <div
      className={panZoom.panMode ? 'board-canvas pan-mode' : 'board-canvas'}
      style={gridStyle(viewport)}
      {...testHooks(props, viewport, size, lowDetail)}
    >
      <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable
        onDragMove={syncViewport}
        onDragEnd={syncViewport}
        onPointerDown={panZoom.panMode ? undefined : gestures.onPointerDown}
        {...panZoom.handlers}
        onClick={onEmptyClick}
        onTap={onEmptyClick}
        onMouseMove={onPointerMove}
        onMouseLeave={() => props.onPointer(null)}
      >
        <Layer listening={objectsListen}>
          {invalid.map((item) => (
            <PlaceholderNode key={item.id} invalid={item} />
          ))}
          {cold.map(node)}
          {props.tools && (
            <SelectionTransformer objects={transformable} onTransform={props.tools.onTransform} />
          )}
        </Layer>
        <WindowLayer listening={objectsListen} area={areaOf(warm, viewport, size)}>
          {warm.map(node)}
        </WindowLayer>
        {props.overlay && (
          <Layer listening={objectsListen}>{props.overlay(visible, props.viewport.scale)}</Layer>
        )}
        <GesturePreviewLayer store={gestures.preview} />
      </Stage>
      <LiveCursors source={props.cursors} viewport={viewport} />
    </div>
  )
}

/**
 * What browser tests read of the canvas, which they cannot see: the names of the cursors shown, and
 * the world point in the middle of the view (rounded), where the one selected object is, and whether
 * objects are drawn without their text (see drawsLowDetail).
 */
function testHooks(props: BoardCanvasProps, v: Viewport, size: Size, lowDetail: boolean) {
  const c = viewCenter(v, size)
  const [only] = props.selection.size === 1 ? props.selection : []
  const selected = only ? props.objects.find((o) => o.id === only) : undefined
  return {
    'data-testid': 'board-canvas',
    'data-cursors': props.cursorNames,
    'data-center': `${Math.round(c.x)},${Math.round(c.y)}`,
    'data-scale': String(Math.round(v.scale * 1000) / 1000),
    'data-selection-at': selected ? `${Math.round(selected.x)},${Math.round(selected.y)}` : undefined,
    'data-detail': lowDetail ? 'shapes' : 'full',
  }
}

/** Objects that overlap the view (plus a margin); with thousands of notes most are off-screen. */
function cull(objects: readonly BoardObject[], v: Viewport, size: Size): readonly BoardObject[] {
  const margin = CULL_MARGIN / v.scale
  const topLeft = screenToWorld(v, { x: 0, y: 0 })
  const bottomRight = screenToWorld(v, { x: size.width, y: size.height })
  const inView = objects.filter((o) => {
    const b = boundsOf(o)
    return (
      b.x + b.w >= topLeft.x - margin &&
      b.y + b.h >= topLeft.y - margin &&
      b.x <= bottomRight.x + margin &&
      b.y <= bottomRight.y + margin
    )
  })
  return inView.length === objects.length ? objects : inView
}

type Latest = { readonly current: BoardCanvasProps }

/**
 * Node callbacks made once and reading the latest props through a ref, so that memoised nodes
 * never re-render just because the canvas did. Drags are an ObjectDrag: the drop is one move.
 */
function useNodeHandlers(latest: Latest, drag: ObjectDrag): NodeHandlers {
  return useMemo<NodeHandlers>(
    () => ({
      select(id, additive) {
        const { selection, onSelectionChange } = latest.current
        if (!additive) return onSelectionChange([id])
        const next = new Set(selection)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        onSelectionChange([...next])
      },
      edit(id) {
        if (!latest.current.readOnly) latest.current.onEdit(id)
      },
      tap(id) {
        const { selection, readOnly, onEdit, onSelectionChange } = latest.current
        if (selection.size === 1 && selection.has(id) && !readOnly) onEdit(id)
        else onSelectionChange([id])
      },
      dragStart(id) {
        drag.start(id, { ...latest.current, snap: latest.current.tools?.options.snap ?? false })
      },
      dragMove: (id, x, y) => drag.move(id, x, y),
      dragEnd(id, x, y) {
        const moves = drag.end(id, x, y)
        if (moves) latest.current.onMove(moves)
      },
    }),
    [latest, drag],
  )
}
