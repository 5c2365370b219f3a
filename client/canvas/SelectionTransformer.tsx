import { useEffect, useRef } from 'react'
import { Transformer } from './konva'
import type Konva from 'konva'
import type { BoardObject } from '../../shared/schema/kinds'
import { ACCENT } from '../theme'
import type { TransformChange } from './tools/canvasTools'

/** Anything smaller than this on screen while resizing is refused (it could not be grabbed again). */
const MIN_HANDLE_BOX = 12
const WIDTH_ONLY = ['middle-left', 'middle-right']
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right']
/** Shrinking below the minimum is refused; a thin line (already below it) may still grow or turn. */
const tooSmall = (before: number, after: number) =>
  Math.abs(after) < MIN_HANDLE_BOX && Math.abs(after) < Math.abs(before)

/**
 * Resize and rotate handles around the selected objects. While the handles move, Konva scales the
 * nodes; on release each node's scale is read, reset, and handed on as one change for the board to
 * commit in one transaction.
 */
export function SelectionTransformer(props: {
  readonly objects: readonly BoardObject[]
  readonly onTransform: (changes: readonly TransformChange[]) => void
}) {
  const ref = useRef<Konva.Transformer>(null)
  const { objects } = props
  const key = objects.map((o) => o.id).join(',')

  useEffect(() => {
    const tr = ref.current
    const stage = tr?.getStage()
    if (!tr || !stage) return
    const ids = new Set(key ? key.split(',') : [])
    const nodes = stage.find((n: Konva.Node) => n.name() === 'object' && ids.has(n.id()))
    tr.nodes(nodes)
    tr.getLayer()?.batchDraw()
    // objects re-render (and may remount when scrolled back into view): attach to the live nodes
  }, [key, objects])

  const onlyText = objects.length > 0 && objects.every((o) => o.kind === 'text')
  const keepRatio = objects.some((o) => o.kind === 'image')
  const onTransformEnd = (e: Konva.KonvaEventObject<Event>) => {
    const tr = ref.current
    if (!tr || (e.target as unknown) !== tr) return // nodes fire their own transformend too; commit once
    const changes = tr.nodes().map((node) => {
      const change = {
        id: node.id(),
        x: node.x(),
        y: node.y(),
        rotation: node.rotation(),
        scaleX: node.scaleX(),
        scaleY: node.scaleY(),
      }
      node.scale({ x: 1, y: 1 })
      return change
    })
    props.onTransform(changes)
  }

  if (objects.length === 0) return null
  return (
    <Transformer
      ref={ref}
      borderStroke={ACCENT}
      anchorStroke={ACCENT}
      anchorSize={12}
      anchorCornerRadius={3}
      rotateAnchorOffset={28}
      rotationSnaps={[0, 90, 180, 270]}
      keepRatio={keepRatio}
      flipEnabled={false}
      enabledAnchors={onlyText ? WIDTH_ONLY : keepRatio ? CORNERS : undefined}
      boundBoxFunc={(old, next) =>
        tooSmall(old.width, next.width) || tooSmall(old.height, next.height) ? old : next
      }
      onTransformEnd={onTransformEnd}
    />
  )
}
