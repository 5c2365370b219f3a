import type { ComponentType } from 'react'

/** What every object node gets from the canvas: its snapshot, its state, and callbacks. */
export interface NodeProps<O> {
  readonly object: O
  readonly selected: boolean
  /** Being edited in the HTML overlay: the node hides its own text underneath. */
  readonly editing: boolean
  readonly draggable: boolean
  /** Colour of another person who has this object selected, if any. */
  readonly peerColor: string | null
  readonly handlers: NodeHandlers
}

/** Stable callbacks shared by every node, so memoised nodes do not re-render when the canvas does. */
export interface NodeHandlers {
  select(id: string, additive: boolean): void
  /** A tap: selects, or on the one selected object opens it for editing (a second tap edits). */
  tap(id: string): void
  edit(id: string): void
  dragStart(id: string): void
  dragMove(id: string, x: number, y: number): void
  dragEnd(id: string, x: number, y: number): void
}

export type NodeComponent<O> = ComponentType<NodeProps<O>>
