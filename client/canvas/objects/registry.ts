import type { ObjectKind, ObjectOf } from '../../../shared/schema/kinds'
import { FrameNode } from './FrameNode'
import { ImageNode } from './ImageNode'
import { RecipeNode } from './RecipeNode'
import { ShapeNode } from './ShapeNode'
import { StickyNode } from './StickyNode'
import { StoryNode } from './StoryNode'
import { StrokeNode } from './StrokeNode'
import { TextNode } from './TextNode'
import type { NodeComponent } from './types'

/** One component per kind; adding a kind to shared/schema fails the typecheck until it is drawn here. */
export const OBJECT_NODES: { [K in ObjectKind]: NodeComponent<ObjectOf<K>> } = {
  sticky: StickyNode,
  text: TextNode,
  stroke: StrokeNode,
  shape: ShapeNode,
  frame: FrameNode,
  image: ImageNode,
  recipe: RecipeNode,
  story: StoryNode,
}

/** Kinds whose text is edited in place, over the canvas. */
export const EDITABLE_KINDS: { [K in ObjectKind]: boolean } = {
  sticky: true,
  text: true,
  stroke: false,
  shape: false,
  frame: false,
  image: false,
  recipe: false,
  story: false,
}
