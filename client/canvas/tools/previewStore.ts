import type { Point, Rect } from '../viewport'
import type { ToolOptions } from './tools'

/** What is drawn while a gesture is under way; nothing of it is in the document yet. */
export type GesturePreview =
  | { readonly kind: 'marquee'; readonly rect: Rect }
  | {
      readonly kind: 'pen'
      readonly points: readonly number[]
      readonly color: string
      readonly width: number
    }
  | { readonly kind: 'shape'; readonly from: Point; readonly to: Point; readonly options: ToolOptions }
  | { readonly kind: 'frame'; readonly rect: Rect }

export interface PreviewState {
  readonly drawing: GesturePreview | null
  /** Snap guide lines (world x of a vertical line, world y of a horizontal one) while dragging. */
  readonly guides: { readonly x: number | null; readonly y: number | null } | null
}

/**
 * A tiny store for the gesture preview: only the preview layer subscribes, so drawing a stroke
 * re-renders one Konva line, never the thousands of objects on the canvas.
 */
export class PreviewStore {
  private state: PreviewState = { drawing: null, guides: null }
  private readonly listeners = new Set<() => void>()

  get = (): PreviewState => this.state

  set(change: Partial<PreviewState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
