import { useMemo, useRef } from 'react'
import { Layer, Stage } from 'react-konva'
import type Konva from 'konva'
import type { InvalidObject } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { CursorsLayer, type RemoteCursor } from './CursorsLayer'
import { gridStyle } from './grid'
import { boundsOf } from './objects/bounds'
import { ObjectNode } from './objects/ObjectNode'
import { PlaceholderNode } from './objects/PlaceholderNode'
import type { NodeHandlers } from './objects/types'
import { panBy, screenToWorld, zoomAt, type Point, type Size, type Viewport } from './viewport'

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
  /** Objects other people have selected, with their colour. */
  readonly peerSelections: ReadonlyMap<string, string>
  readonly cursors: readonly RemoteCursor[]
  readonly onMove: (moves: readonly ObjectMove[]) => void
  /** The pointer in world coordinates, or null when it leaves the board. */
  readonly onPointer: (point: Point | null) => void
}

/** Wheel notches feel right at this zoom rate (per pixel of wheel delta). */
const WHEEL_ZOOM_RATE = 0.0025
/** Objects this far (screen px) outside the view are still drawn, so panning never shows gaps. */
const CULL_MARGIN = 200

/** The Konva stage: pans, zooms, draws the objects of one canvas and the others' cursors. */
export function BoardCanvas(props: BoardCanvasProps) {
  const { size, viewport, objects, invalid, selection, editingId, readOnly } = props
  const stageRef = useRef<Konva.Stage>(null)
  const latest = useRef(props)
  latest.current = props
  const handlers = useNodeHandlers(latest, stageRef)
  const visible = useMemo(() => cull(objects, viewport, size), [objects, viewport, size])

  const syncViewport = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = stageRef.current
    if (stage && e.target === stage) props.onViewportChange({ ...viewport, x: stage.x(), y: stage.y() })
  }
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault()
    const pointer = stageRef.current?.getPointerPosition()
    if ((e.evt.ctrlKey || e.evt.metaKey) && pointer) {
      props.onViewportChange(
        zoomAt(viewport, pointer, viewport.scale * Math.exp(-e.evt.deltaY * WHEEL_ZOOM_RATE)),
      )
    } else {
      props.onViewportChange(panBy(viewport, -e.evt.deltaX, -e.evt.deltaY))
    }
  }
  const onEmptyClick = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target !== stageRef.current) return
    props.onSelectionChange([])
    props.onEdit(null)
  }
  const onPointerMove = () => {
    const pointer = stageRef.current?.getPointerPosition()
    if (pointer) props.onPointer(screenToWorld(viewport, pointer))
  }

  return (
    <div className="board-canvas" style={gridStyle(viewport)}>
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
        onWheel={onWheel}
        onClick={onEmptyClick}
        onTap={onEmptyClick}
        onMouseMove={onPointerMove}
        onMouseLeave={() => props.onPointer(null)}
      >
        <Layer>
          {invalid.map((item) => (
            <PlaceholderNode key={item.id} invalid={item} />
          ))}
          {visible.map((object) => (
            <ObjectNode
              key={object.id}
              object={object}
              selected={selection.has(object.id)}
              editing={object.id === editingId}
              draggable={!readOnly && object.id !== editingId}
              peerColor={props.peerSelections.get(object.id) ?? null}
              handlers={handlers}
            />
          ))}
        </Layer>
        <CursorsLayer cursors={props.cursors} scale={viewport.scale} />
      </Stage>
    </div>
  )
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
 * never re-render just because the canvas did. Dragging one of several selected objects moves
 * the others along on screen; the drop commits all of them in one move.
 */
function useNodeHandlers(latest: Latest, stageRef: { readonly current: Konva.Stage | null }): NodeHandlers {
  const drag = useRef<{ id: string; origins: Map<string, Point> } | null>(null)
  return useMemo<NodeHandlers>(() => {
    const delta = (id: string, x: number, y: number): Point | null => {
      const origin = drag.current?.origins.get(id)
      return origin ? { x: x - origin.x, y: y - origin.y } : null
    }
    return {
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
      dragStart(id) {
        const { selection, objects, onSelectionChange } = latest.current
        const ids = selection.has(id) ? selection : new Set([id])
        if (!selection.has(id)) onSelectionChange([id])
        const origins = new Map<string, Point>()
        for (const o of objects) if (ids.has(o.id)) origins.set(o.id, { x: o.x, y: o.y })
        drag.current = { id, origins }
      },
      dragMove(id, x, y) {
        const d = delta(id, x, y)
        const stage = stageRef.current
        if (!d || !stage || !drag.current) return
        for (const [otherId, origin] of drag.current.origins) {
          if (otherId === id) continue
          stage
            .findOne((node: Konva.Node) => node.id() === otherId)
            ?.position({ x: origin.x + d.x, y: origin.y + d.y })
        }
      },
      dragEnd(id, x, y) {
        const d = delta(id, x, y)
        const origins = drag.current?.origins
        drag.current = null
        if (!d || !origins) return
        const moves = [...origins].map(([oid, o]) => ({ id: oid, x: o.x + d.x, y: o.y + d.y }))
        latest.current.onMove(moves)
      },
    }
  }, [latest, stageRef])
}
