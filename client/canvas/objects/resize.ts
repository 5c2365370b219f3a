import { KINDS, type BoardObject } from '../../../shared/schema/kinds'

/** Nothing is resized below this (world units): it must stay visible and grabbable. */
const MIN_SIZE = 8

const atLeast = (v: number) => Math.max(MIN_SIZE, Math.abs(v))

/**
 * The props of an object scaled by the resize handles. Konva scales the drawing while the handles
 * move; on release the scale is folded into the object's own size (or a stroke's points), so what
 * is stored is always unscaled. Returns null when the result would not be valid for the kind.
 */
export function resizedProps(o: BoardObject, sx: number, sy: number): Record<string, unknown> | null {
  let props: Record<string, unknown>
  switch (o.kind) {
    case 'sticky':
    case 'frame':
    case 'image':
    case 'recipe':
    case 'story':
      props = { w: atLeast(o.props.w * sx), h: atLeast(o.props.h * sy) }
      break
    case 'text':
      // the font size stays; the width sets where lines wrap
      props = { w: atLeast(o.props.w * sx) }
      break
    case 'shape':
      props = { w: o.props.w * sx, h: o.props.h * sy }
      break
    case 'stroke':
      props = { points: o.props.points.map((v, i) => Math.round(v * (i % 2 === 0 ? sx : sy) * 10) / 10) }
      break
  }
  const valid = KINDS[o.kind].props.safeParse({ ...o.props, ...props })
  return valid.success ? props : null
}
