import { KINDS, MAX_STROKE_COORDS, type BoardObject } from '../../shared/schema/kinds'
import { resizedProps } from '../canvas/objects/resize'
import { freeSpot, obstacles } from '../canvas/placement'
import type { Drawing, TransformChange } from '../canvas/tools/canvasTools'
import { shapeFromDrag } from '../canvas/tools/drawings'
import { splitPoints, toRelative } from '../canvas/tools/strokeMath'
import type { ToolOptions } from '../canvas/tools/tools'
import { onScreen, viewCenter, type Point, type Rect, type Size, type Viewport } from '../canvas/viewport'
import type { BoardModel, PropsChange } from '../state'
import type { BoardUi } from './useBoardUi'
import { i18n } from '../i18n'

/** What the tools' actions read: the board as it is now, and where their results go. */
export interface ToolContext {
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly ui: BoardUi
  readonly viewport: Viewport
  readonly size: Size
  readonly options: ToolOptions
  /** A new frame's title field should take focus. */
  readonly focusTitle: (frameId: string) => void
  /** A new recipe card opens in its panel. */
  readonly openRecipe: (id: string) => void
}

/** Frame titles count up per canvas: "Frame 1", "Frame 2"… */
const frameTitle = (n: number) => i18n.t('board:frameTitle', { n })

/** A free spot of this size near the middle of the view. */
export function centreSpot(c: ToolContext, w: number, h: number): Rect {
  const mid = viewCenter(c.viewport, c.size)
  const preferred = { x: Math.round(mid.x - w / 2), y: Math.round(mid.y - h / 2), w, h }
  return freeSpot(obstacles(c.objects), preferred, undefined, onScreen(c.viewport, c.size))
}

/** A frame, behind everything, numbered after the canvas's others and last in page order. */
export function addFrame(c: ToolContext, rect: Rect): void {
  const frames = c.objects.flatMap((o) => (o.kind === 'frame' ? [o] : []))
  const order = Math.max(0, ...frames.map((f) => f.props.order)) + 1
  const props = { w: rect.w, h: rect.h, title: frameTitle(frames.length + 1), order }
  c.model.undo.stopCapturing()
  const id = c.model.commands.addFrame(c.canvasId, rect.x, rect.y, props)
  if (!id) return
  c.ui.openNew(id, false)
  c.focusTitle(id)
}

export function addShape(c: ToolContext, from: Point, to: Point): void {
  const shape = shapeFromDrag(from, to, c.options)
  c.model.undo.stopCapturing()
  const id = c.model.commands.addObject('shape', c.canvasId, shape.x, shape.y, shape.props)
  if (id) c.ui.openNew(id, false)
}

/** A stroke too long for one object is stored as several that join end to start. */
export function addStroke(c: ToolContext, points: readonly number[]): void {
  for (const piece of splitPoints(points, MAX_STROKE_COORDS)) {
    const rel = toRelative(piece)
    const props = { points: rel.points, color: c.options.ink, width: c.options.width }
    c.model.commands.addObject('stroke', c.canvasId, rel.x, rel.y, props)
  }
}

/** Turns a finished drawing into its command. */
export function commitDrawing(c: ToolContext, d: Drawing): void {
  if (d.kind === 'stroke') addStroke(c, d.points)
  else if (d.kind === 'erase') c.model.commands.deleteObjects(d.ids)
  else if (d.kind === 'shape') addShape(c, d.from, d.to)
  else addFrame(c, d.rect)
}

/** A resize or rotation: positions and sizes of all the objects in one undoable transaction. */
export function commitTransform(c: ToolContext, changes: readonly TransformChange[]): void {
  const byId = new Map(c.objects.map((o) => [o.id, o]))
  const props: PropsChange[] = []
  for (const change of changes) {
    const o = byId.get(change.id)
    const next = o && resizedProps(o, change.scaleX, change.scaleY)
    if (o && next) props.push({ id: o.id, kind: o.kind, props: next })
  }
  const placements = changes.map(({ id, x, y, rotation }) => ({ id, x, y, rotation }))
  c.model.commands.transformObjects(placements, props)
}

/** A box of this size centred on a clicked point, or a free spot in the middle of the view. */
function spotFor(c: ToolContext, w: number, h: number, at: Point | null): Rect {
  return at ? { x: Math.round(at.x - w / 2), y: Math.round(at.y - h / 2), w, h } : centreSpot(c, w, h)
}

/** The Text tool: free text where the person clicked (or in the middle), open for typing at once. */
export function addText(c: ToolContext, at: Point | null = null): string | null {
  const spot = spotFor(c, KINDS.text.defaults().w, 60, at)
  c.model.undo.stopCapturing()
  const id = c.model.commands.addObject('text', c.canvasId, spot.x, spot.y)
  if (id) c.ui.openNew(id, true)
  return id
}

/** The Recipe card tool: a card where the person clicked (or in the middle), open in its panel. */
export function addRecipe(c: ToolContext, at: Point | null = null): string | null {
  const { w, h } = KINDS.recipe.defaults()
  const spot = spotFor(c, w, h, at)
  c.model.undo.stopCapturing()
  const id = c.model.commands.addRecipe(c.canvasId, spot.x, spot.y)
  if (!id) return null
  c.ui.openNew(id, false)
  c.openRecipe(id)
  return id
}
