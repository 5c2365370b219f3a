import type { Point, Rect } from '../viewport'
import type { ToolId, ToolOptions } from './tools'

/** What a finished gesture with a drawing tool produced; the board turns it into one command. */
export type Drawing =
  | { readonly kind: 'stroke'; readonly points: readonly number[] }
  | { readonly kind: 'erase'; readonly ids: readonly string[] }
  | { readonly kind: 'shape'; readonly from: Point; readonly to: Point }
  | { readonly kind: 'frame'; readonly rect: Rect }

/** An object's new place and scale after the person resized or rotated it with the handles. */
export interface TransformChange {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly rotation: number
  readonly scaleX: number
  readonly scaleY: number
}

/** The active tool and where its results go; given to the canvas by the board. */
export interface CanvasTools {
  readonly tool: ToolId
  readonly options: ToolOptions
  readonly onDraw: (drawing: Drawing) => void
  readonly onTransform: (changes: readonly TransformChange[]) => void
  /** A click or tap on the board while a placing tool is armed: the world point it landed on. */
  readonly onPlace: (at: Point) => void
}
