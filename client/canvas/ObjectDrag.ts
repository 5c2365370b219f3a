import type Konva from 'konva'
import { withFrameContents } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { boundsOf } from './objects/bounds'
import type { PreviewStore } from './tools/previewStore'
import { snapRect, SNAP_DISTANCE_PX } from './tools/snap'
import type { Point, Rect } from './viewport'

/** What a drag reads when it starts: the selection, the canvas's objects and whether to snap. */
/** What this person may do with an object (the board's rules, read by client/state/permissions.ts). */
export interface ObjectRights {
  /** Move, resize, rotate it. */
  edit(o: BoardObject): boolean
  delete(o: BoardObject): boolean
}

export interface DragInputs {
  readonly selection: ReadonlySet<string>
  readonly objects: readonly BoardObject[]
  readonly may: ObjectRights
  readonly onSelectionChange: (ids: readonly string[]) => void
  readonly snap: boolean
}

export interface DragMove {
  readonly id: string
  readonly x: number
  readonly y: number
}

interface Snap {
  /** The box around everything being dragged, where the drag started. */
  readonly box: Rect
  /** Boxes of everything else on the canvas, to line up with. */
  readonly others: readonly Rect[]
}

const findNode = (stage: Konva.Stage, id: string) => stage.findOne((n: Konva.Node) => n.id() === id)

/**
 * One drag of objects on the canvas. Dragging one of several selected objects (or a frame, which
 * carries what lies inside it) moves the others along on screen; with snapping on, the whole group
 * is pulled to line up with other objects' edges, with guide lines. The drop is one move.
 */
export class ObjectDrag {
  private current: { id: string; origins: Map<string, Point>; snap: Snap | null } | null = null

  constructor(
    private readonly stageRef: { readonly current: Konva.Stage | null },
    private readonly preview: PreviewStore,
  ) {}

  /** Is a drag under way? */
  get active(): boolean {
    return this.current !== null
  }

  start(id: string, { selection, objects, onSelectionChange, snap, may }: DragInputs): void {
    const picked = selection.has(id) ? [...selection] : [id]
    if (!selection.has(id)) onSelectionChange([id])
    // What this person may not move (locked, or someone else's while protected) stays, even in a moving frame.
    const ids = new Set(withFrameContents(objects, picked))
    const origins = new Map<string, Point>()
    for (const o of objects) if (ids.has(o.id) && may.edit(o)) origins.set(o.id, { x: o.x, y: o.y })
    this.current = { id, origins, snap: snap ? snapInfo(objects, ids) : null }
  }

  move(id: string, x: number, y: number): void {
    const stage = this.stageRef.current
    const d = this.snapped(this.delta(id, x, y))
    if (!d || !stage || !this.current) return
    for (const [otherId, origin] of this.current.origins) {
      // Konva moves the dragged node itself, unless snapping pulled it elsewhere.
      if (otherId === id && !this.current.snap) continue
      findNode(stage, otherId)?.position({ x: origin.x + d.x, y: origin.y + d.y })
    }
  }

  /** The drop: where everything dragged ends up, or null when there was no drag. */
  end(id: string, x: number, y: number): DragMove[] | null {
    const current = this.current
    this.current = null
    const origin = current?.origins.get(id)
    if (!current || !origin) return null
    if (current.snap) this.preview.set({ guides: null })
    // After snapping, the dragged node's own position is the snapped one.
    const node = current.snap ? this.stageRef.current && findNode(this.stageRef.current, id) : null
    const d = node ? { x: node.x() - origin.x, y: node.y() - origin.y } : { x: x - origin.x, y: y - origin.y }
    return [...current.origins].map(([oid, o]) => ({ id: oid, x: o.x + d.x, y: o.y + d.y }))
  }

  private delta(id: string, x: number, y: number): Point | null {
    const origin = this.current?.origins.get(id)
    return origin ? { x: x - origin.x, y: y - origin.y } : null
  }

  private snapped(d: Point | null): Point | null {
    const snap = this.current?.snap
    const stage = this.stageRef.current
    if (!d || !snap || !stage) return d
    const moved = { ...snap.box, x: snap.box.x + d.x, y: snap.box.y + d.y }
    const r = snapRect(moved, snap.others, SNAP_DISTANCE_PX / stage.scaleX())
    this.preview.set({ guides: { x: r.guideX, y: r.guideY } })
    return { x: d.x + r.dx, y: d.y + r.dy }
  }
}

function snapInfo(objects: readonly BoardObject[], moving: ReadonlySet<string>): Snap | null {
  const mine = objects.filter((o) => moving.has(o.id)).map(boundsOf)
  if (mine.length === 0) return null
  const x = Math.min(...mine.map((r) => r.x))
  const y = Math.min(...mine.map((r) => r.y))
  const w = Math.max(...mine.map((r) => r.x + r.w)) - x
  const h = Math.max(...mine.map((r) => r.y + r.h)) - y
  return { box: { x, y, w, h }, others: objects.filter((o) => !moving.has(o.id)).map(boundsOf) }
}
