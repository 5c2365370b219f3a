import type { ObjectKind, ObjectOf } from '../../../shared/schema/kinds'
import { StickyNode } from './StickyNode'
import type { BoundsOf, NodeComponent } from './types'

/** One component per kind; adding a kind to shared/schema fails the typecheck until it is drawn here. */
export const OBJECT_NODES: { [K in ObjectKind]: NodeComponent<ObjectOf<K>> } = {
  sticky: StickyNode,
}

/** The world rectangle each kind occupies. */
export const OBJECT_BOUNDS: { [K in ObjectKind]: BoundsOf<ObjectOf<K>> } = {
  sticky: (o) => ({ x: o.x, y: o.y, w: o.props.w, h: o.props.h }),
}

/** Kinds whose text is edited in place, over the canvas. */
export const EDITABLE_KINDS: { [K in ObjectKind]: boolean } = {
  sticky: true,
}
