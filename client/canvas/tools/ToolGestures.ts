import type Konva from 'konva'
import type { BoardObject } from '../../../shared/schema/kinds'
import { boundsOf } from '../objects/bounds'
import type { Point } from '../viewport'
import type { CanvasTools } from './canvasTools'
import { frameFromDrag } from './drawings'
import { idsInMarquee, rectFromPoints } from './marquee'
import type { PreviewStore } from './previewStore'
import { eraserTouches, smoothStroke } from './strokeMath'
import { isDrawingTool } from './tools'
import type { ObjectRights } from '../ObjectDrag'

/** What the gestures read on each event (the canvas's latest props, through a ref). */
export interface GestureInputs {
  readonly tools?: CanvasTools
  readonly objects: readonly BoardObject[]
  readonly selection: ReadonlySet<string>
  readonly onSelectionChange: (ids: readonly string[]) => void
  readonly readOnly: boolean
  readonly may: ObjectRights
}

type Stroke = Extract<BoardObject, { kind: 'stroke' }>

type Gesture =
  | { type: 'marquee'; start: Point; end: Point; base: readonly string[]; moved: boolean }
  | { type: 'pen'; points: number[] }
  | { type: 'erase'; last: Point; hit: Set<string> }
  | { type: 'shape' | 'frame'; start: Point; end: Point }

interface Active {
  readonly gesture: Gesture
  readonly pointerId: number
  /** The stage's own drag (panning) is off during a gesture and restored after. */
  readonly wasDraggable: boolean
}

/** The eraser's reach on screen, in pixels (a fingertip's width). */
const ERASER_RADIUS_PX = 10
/** A marquee smaller than this on screen is a click, which the canvas handles as such. */
const MARQUEE_MIN_PX = 3

/** Where a pointer event is, in world coordinates, from the stage's live transform. */
function worldAt(stage: Konva.Stage, e: PointerEvent): Point {
  const box = stage.container().getBoundingClientRect()
  return stage
    .getAbsoluteTransform()
    .copy()
    .invert()
    .point({ x: e.clientX - box.left, y: e.clientY - box.top })
}

const findNode = (stage: Konva.Stage, id: string) => stage.findOne((n: Konva.Node) => n.id() === id)

/**
 * The pointer gestures of the tools: marquee selection with Select, freehand strokes and the eraser
 * with Pen, drag-to-draw with Shape and Frame. A gesture follows its pointer on the window, so it
 * survives the pointer crossing the toolbar; a second finger cancels it (that is a pinch).
 */
export class ToolGestures {
  private active: Active | null = null
  private clickTaken = false

  constructor(
    private readonly stageRef: { readonly current: Konva.Stage | null },
    private readonly latest: { readonly current: GestureInputs },
    readonly preview: PreviewStore,
  ) {}

  /** Stage pointerdown: starts the active tool's gesture, if any. */
  onPointerDown = (e: Konva.KonvaEventObject<PointerEvent>): void => {
    const stage = this.stageRef.current
    if (!stage) return
    this.clickTaken = false
    if (this.active) {
      if (e.evt.pointerId !== this.active.pointerId) this.finish(false) // a second finger: pinch
      return
    }
    if (e.evt.pointerType === 'mouse' && e.evt.button !== 0) return
    const gesture = this.startGesture(e.evt, stage, e.target === stage)
    if (!gesture) return
    this.active = { gesture, pointerId: e.evt.pointerId, wasDraggable: stage.draggable() }
    // The native pointerdown comes before Konva's mouse/touch one, which would start a pan.
    stage.draggable(false)
    window.addEventListener('pointermove', this.onMove)
    window.addEventListener('pointerup', this.onUp)
    window.addEventListener('pointercancel', this.onCancel)
  }

  /** After a gesture, the click Konva reports for the same press is not a click on empty space. */
  takeClick = (): boolean => {
    const taken = this.clickTaken || this.active !== null
    this.clickTaken = false
    return taken
  }

  /** Ends any gesture without committing it (the canvas is going away). */
  dispose(): void {
    this.finish(false)
  }

  private scale = (): number => this.stageRef.current?.scaleX() ?? 1

  private startGesture(e: PointerEvent, stage: Konva.Stage, onStage: boolean): Gesture | null {
    const { tools, readOnly, selection } = this.latest.current
    if (!tools) return null
    const start = worldAt(stage, e)
    if (tools.tool === 'select') {
      // On touch, one finger on empty space pans; a marquee is for mouse and stylus.
      if (!onStage || e.pointerType === 'touch') return null
      const additive = e.shiftKey || e.metaKey || e.ctrlKey
      return { type: 'marquee', start, end: start, base: additive ? [...selection] : [], moved: false }
    }
    if (readOnly || !isDrawingTool(tools.tool)) return null
    if (tools.tool !== 'pen') return { type: tools.tool === 'shape' ? 'shape' : 'frame', start, end: start }
    if (!tools.options.eraser) return { type: 'pen', points: [start.x, start.y] }
    const erase: Gesture = { type: 'erase', last: start, hit: new Set() }
    this.erase(erase, start)
    return erase
  }

  private onMove = (e: PointerEvent): void => {
    const stage = this.stageRef.current
    if (!this.active || !stage || e.pointerId !== this.active.pointerId) return
    // Coalesced events carry every sample the screen saw between frames: smoother strokes.
    const samples = e.getCoalescedEvents?.() ?? []
    const points = (samples.length > 0 ? samples : [e]).map((s) => worldAt(stage, s))
    this.follow(this.active.gesture, points)
  }

  private follow(g: Gesture, points: readonly Point[]): void {
    const last = points[points.length - 1]!
    const options = this.latest.current.tools?.options
    if (g.type === 'pen') {
      for (const p of points) g.points.push(p.x, p.y)
      const color = options?.ink ?? '#000000'
      this.preview.set({ drawing: { kind: 'pen', points: [...g.points], color, width: options?.width ?? 4 } })
    } else if (g.type === 'erase') {
      for (const p of points) this.erase(g, p)
    } else if (g.type === 'marquee') {
      g.end = last
      const rect = rectFromPoints(g.start, last)
      g.moved ||= Math.max(rect.w, rect.h) * this.scale() >= MARQUEE_MIN_PX
      if (g.moved) this.preview.set({ drawing: { kind: 'marquee', rect } })
    } else {
      g.end = last
      const drawing =
        g.type === 'shape' && options
          ? ({ kind: 'shape', from: g.start, to: last, options } as const)
          : ({ kind: 'frame', rect: rectFromPoints(g.start, last) } as const)
      this.preview.set({ drawing })
    }
  }

  private onUp = (e: PointerEvent): void => {
    if (e.pointerId !== this.active?.pointerId) return
    this.onMove(e)
    this.finish(true)
  }

  private onCancel = (e: PointerEvent): void => {
    if (e.pointerId === this.active?.pointerId) this.finish(false)
  }

  private finish(commit: boolean): void {
    const current = this.active
    const stage = this.stageRef.current
    if (!current) return
    this.active = null
    window.removeEventListener('pointermove', this.onMove)
    window.removeEventListener('pointerup', this.onUp)
    window.removeEventListener('pointercancel', this.onCancel)
    stage?.draggable(current.wasDraggable)
    this.preview.set({ drawing: null })
    const g = current.gesture
    if (commit) this.commit(g)
    // The deleted strokes unmount; any that could not be deleted (or a cancelled erase) come back.
    if (g.type === 'erase' && stage) for (const id of g.hit) findNode(stage, id)?.show()
  }

  private commit(g: Gesture): void {
    const { tools, objects, onSelectionChange } = this.latest.current
    this.clickTaken = g.type !== 'marquee' || g.moved
    if (g.type === 'marquee') {
      if (!g.moved) return
      const items = objects.map((o) => ({ id: o.id, bounds: boundsOf(o), container: o.kind === 'frame' }))
      const picked = idsInMarquee(items, rectFromPoints(g.start, g.end))
      onSelectionChange([...new Set([...g.base, ...picked])])
    } else if (g.type === 'pen') {
      tools?.onDraw({ kind: 'stroke', points: smoothStroke(g.points, this.scale()) })
    } else if (g.type === 'erase') {
      if (g.hit.size > 0) tools?.onDraw({ kind: 'erase', ids: [...g.hit] })
    } else if (g.type === 'shape') {
      tools?.onDraw({ kind: 'shape', from: g.start, to: g.end })
    } else {
      tools?.onDraw({ kind: 'frame', rect: frameFromDrag(rectFromPoints(g.start, g.end)) })
    }
  }

  /** Strokes the eraser touches on its way to `to` vanish at once; they are deleted on release. */
  private erase(g: Extract<Gesture, { type: 'erase' }>, to: Point): void {
    const stage = this.stageRef.current
    const radius = ERASER_RADIUS_PX / this.scale()
    for (const o of this.latest.current.objects) {
      if (o.kind !== 'stroke' || !this.latest.current.may.delete(o) || g.hit.has(o.id)) continue
      if (!eraserTouches(strokeShape(o), toLocal(o, g.last), toLocal(o, to), radius)) continue
      g.hit.add(o.id)
      if (stage) findNode(stage, o.id)?.hide()
    }
    g.last = to
  }
}

const strokeShape = (o: Stroke) => ({ x: 0, y: 0, points: o.props.points, width: o.props.width })

/** A world point in a (possibly rotated) stroke's own coordinates, where its points live. */
function toLocal(o: Stroke, p: Point): Point {
  const a = (-o.rotation * Math.PI) / 180
  const dx = p.x - o.x
  const dy = p.y - o.y
  return { x: dx * Math.cos(a) - dy * Math.sin(a), y: dx * Math.sin(a) + dy * Math.cos(a) }
}
