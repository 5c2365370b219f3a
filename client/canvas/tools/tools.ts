/** Every tool in the toolbar, in order. `ready: false` tools belong to a later issue. */
export type ToolId = 'select' | 'sticky' | 'text' | 'pen' | 'shape' | 'frame' | 'image' | 'recipe'

export interface ToolDef {
  readonly id: ToolId
  /** The button's accessible name (CONTRACT.md fixes these). */
  readonly label: string
  /** Single-key shortcut, as typed (lower case). */
  readonly key: string
  readonly ready: boolean
  /** Tools that change the board; a viewer cannot use them. */
  readonly writes: boolean
}

export const TOOLS: readonly ToolDef[] = [
  { id: 'select', label: 'Select', key: 'v', ready: true, writes: false },
  { id: 'sticky', label: 'Sticky note', key: 'n', ready: true, writes: true },
  { id: 'text', label: 'Text', key: 't', ready: false, writes: true },
  { id: 'pen', label: 'Pen', key: 'p', ready: false, writes: true },
  { id: 'shape', label: 'Shape', key: 's', ready: false, writes: true },
  { id: 'frame', label: 'Frame', key: 'f', ready: false, writes: true },
  { id: 'image', label: 'Image', key: 'i', ready: false, writes: true },
  { id: 'recipe', label: 'Recipe card', key: 'r', ready: false, writes: true },
]

/** The tool a plain key press chooses, if any. */
export const toolForKey = (key: string): ToolDef | undefined => TOOLS.find((t) => t.key === key.toLowerCase())

export const COMING_SOON = 'Coming soon'
export const VIEW_ONLY = 'View only: you can look but not change the board'
