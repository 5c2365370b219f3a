import { INK_COLORS, STROKE_WIDTHS, type ShapeType } from '../../../shared/schema/kinds'

/** Every tool in the toolbar, in order. */
export type ToolId = 'select' | 'hand' | 'sticky' | 'text' | 'pen' | 'shape' | 'frame' | 'image' | 'recipe'

export interface ToolDef {
  readonly id: ToolId
  /** The button's accessible name (CONTRACT.md fixes these). */
  readonly label: string
  /** Single-key shortcut, as typed (lower case). */
  readonly key: string
  /** A mode stays on until another tool is chosen (Pen draws until you pick Select); others act at once. */
  readonly mode: boolean
  /** Tools that change the board; a viewer cannot use them. */
  readonly writes: boolean
  /** What the tool does, for its tooltip. */
  readonly hint: string
}

export const TOOLS: readonly ToolDef[] = [
  { id: 'select', label: 'Select', key: 'v', mode: true, writes: false, hint: 'Select and move things' },
  { id: 'hand', label: 'Hand', key: 'h', mode: true, writes: false, hint: 'Drag to move around the board' },
  { id: 'sticky', label: 'Sticky note', key: 'n', mode: false, writes: true, hint: 'Add a note' },
  { id: 'text', label: 'Text', key: 't', mode: false, writes: true, hint: 'Add free text' },
  { id: 'pen', label: 'Pen', key: 'p', mode: true, writes: true, hint: 'Draw freehand' },
  { id: 'shape', label: 'Shape', key: 's', mode: true, writes: true, hint: 'Drag to draw a shape' },
  { id: 'frame', label: 'Frame', key: 'f', mode: true, writes: true, hint: 'Drag to draw a frame' },
  { id: 'image', label: 'Image', key: 'i', mode: false, writes: true, hint: 'Add a picture' },
  { id: 'recipe', label: 'Recipe card', key: 'r', mode: false, writes: true, hint: 'Add a recipe card' },
]

/** The tool a plain key press chooses, if any. */
export const toolForKey = (key: string): ToolDef | undefined => TOOLS.find((t) => t.key === key.toLowerCase())

export const VIEW_ONLY = 'View only: you can look but not change the board'

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

/** Tools that draw by dragging on the board (the objects under the pointer do not react). */
export const isDrawingTool = (tool: ToolId): boolean => tool === 'pen' || tool === 'shape' || tool === 'frame'
