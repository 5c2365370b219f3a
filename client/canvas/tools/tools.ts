import { INK_COLORS, STROKE_WIDTHS, type ShapeType } from '../../../shared/schema/kinds'

/** Every tool in the toolbar, in order. */
export type ToolId = 'select' | 'hand' | 'sticky' | 'text' | 'pen' | 'shape' | 'frame' | 'image' | 'recipe'

export interface ToolDef {
  readonly id: ToolId
  /** Single-key shortcut, as typed (lower case). */
  readonly key: string
  /** A mode stays on until another tool is chosen (Pen draws until you pick Select). */
  readonly mode: boolean
  /**
   * A placing tool, once armed, puts one object where the person next clicks or taps (Miro's and
   * FigJam's habit), then hands back to Select. Its toolbar button also adds one at once, in the
   * middle of the view, so "press it and type" works too; its key only arms it.
   */
  readonly places: boolean
  /** Tools that change the board; a viewer cannot use them. */
  readonly writes: boolean
}

export const TOOLS: readonly ToolDef[] = [
  { id: 'select', key: 'v', mode: true, places: false, writes: false },
  { id: 'hand', key: 'h', mode: true, places: false, writes: false },
  { id: 'sticky', key: 'n', mode: false, places: true, writes: true },
  { id: 'text', key: 't', mode: false, places: true, writes: true },
  { id: 'pen', key: 'p', mode: true, places: false, writes: true },
  { id: 'shape', key: 's', mode: true, places: false, writes: true },
  { id: 'frame', key: 'f', mode: true, places: false, writes: true },
  { id: 'image', key: 'i', mode: false, places: true, writes: true },
  { id: 'recipe', key: 'r', mode: false, places: true, writes: true },
]

/** The tool a plain key press chooses, if any. */
export const toolForKey = (key: string): ToolDef | undefined => TOOLS.find((t) => t.key === key.toLowerCase())

/** Settings of the drawing tools, kept while the person switches between tools. */
export interface ToolOptions {
  readonly ink: string
  readonly width: number
  readonly eraser: boolean
  readonly shape: ShapeType
  readonly shapeStroke: string
  readonly shapeFill: string
  /** Snap dragged objects to others' edges (off by default: free placement is the norm on a board). */
  readonly snap: boolean
}

/** Fills offered for rectangles and ellipses: none, then light tints that keep text on top readable. */
export const SHAPE_FILLS = ['transparent', '#dbeafe', '#fef3c7', '#dcfce7', '#fce7f3', '#ede9fe'] as const

export const DEFAULT_TOOL_OPTIONS: ToolOptions = {
  ink: INK_COLORS[0],
  width: STROKE_WIDTHS[1],
  eraser: false,
  shape: 'rect',
  shapeStroke: INK_COLORS[2],
  shapeFill: SHAPE_FILLS[1],
  snap: false,
}

/** Tools that put one object where the person clicks next. */
export const isPlacingTool = (tool: ToolId): boolean => TOOLS.some((t) => t.id === tool && t.places)

/** Tools that draw by dragging on the board (the objects under the pointer do not react). */
export const isDrawingTool = (tool: ToolId): boolean => tool === 'pen' || tool === 'shape' || tool === 'frame'
