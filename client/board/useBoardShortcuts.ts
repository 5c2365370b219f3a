import { useEffect, useRef } from 'react'
import { toolForKey, type ToolId } from '../canvas/tools/tools'
import type { BoardUi } from './useBoardUi'

export interface ShortcutTargets {
  readonly ui: BoardUi
  readonly readOnly: boolean
  readonly undo: () => void
  readonly redo: () => void
  readonly onTool: (tool: ToolId) => void
  /** The focusable canvas: keys acting on the selection apply only when focus is there (or nowhere). */
  readonly canvasFocus: { readonly current: HTMLElement | null }
  /** More keys (object actions, tool options); returns whether it used the key. */
  readonly extraKeys?: (e: KeyboardEvent, onBoard: boolean) => boolean
}

/** Arrow keys move the selection this far (world units); with Shift, ten times as far. */
const NUDGE = 4

/** Typing in a field must never trigger board shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Keyboard shortcuts of the board, listened to on the window while the board is shown. */
export function useBoardShortcuts(targets: ShortcutTargets): void {
  const latest = useRef(targets)
  latest.current = targets
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return
      if (handleKey(e, latest.current)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** Runs the shortcut for a key; returns whether there was one. */
function handleKey(e: KeyboardEvent, t: ShortcutTargets): boolean {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (mod && key === 'z') {
    if (!t.readOnly) (e.shiftKey ? t.redo : t.undo)()
    return true
  }
  if (mod && key === 'y') {
    if (!t.readOnly) t.redo()
    return true
  }
  const target = e.target
  const onBoard =
    target === document.body || (target instanceof Node && !!t.canvasFocus.current?.contains(target))
  if (mod && key === 'a' && onBoard && !e.shiftKey && !e.altKey) {
    t.ui.selectAll()
    return true
  }
  if (t.extraKeys?.(e, onBoard)) return true
  if (mod || e.altKey) return false
  if (onBoard && !t.readOnly && typesIntoSelection(e, t)) return true
  if (handleViewKey(e.key, t)) return true
  if (onBoard && handleSelectionKey(e, t)) return true
  if (onBoard && t.ui.selection.size === 0 && handlePanKey(e, t)) return true
  const tool = toolForKey(e.key)
  if (!tool || (tool.writes && t.readOnly)) return false
  t.onTool(tool.id)
  return true
}

/** A printable key with one note selected goes into the note, which opens for editing. */
function typesIntoSelection(e: KeyboardEvent, { ui }: ShortcutTargets): boolean {
  if (ui.selection.size !== 1 || e.key.length !== 1 || e.key === ' ' || e.isComposing) return false
  const [id] = ui.selection
  return id !== undefined && ui.typeInto(id, e.key)
}

function handleViewKey(key: string, { ui }: ShortcutTargets): boolean {
  if (key === '+' || key === '=') ui.zoom.in()
  else if (key === '-' || key === '_') ui.zoom.out()
  else if (key === '0') ui.zoom.reset()
  else if (key === '1') ui.zoom.fit()
  else return false
  return true
}

/** Arrow keys pan the view when nothing is selected (this far in screen pixels; Shift: a screenful). */
const PAN_STEP = 80

function handlePanKey(e: KeyboardEvent, { ui }: ShortcutTargets): boolean {
  const step = e.shiftKey ? PAN_STEP * 5 : PAN_STEP
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [step, 0],
    ArrowRight: [-step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  }
  const delta = arrows[e.key]
  if (!delta) return false
  ui.zoom.pan(delta[0], delta[1])
  return true
}

function handleSelectionKey(e: KeyboardEvent, { ui, readOnly }: ShortcutTargets): boolean {
  if (e.key === 'Escape' && ui.selection.size > 0) {
    ui.clear()
    return true
  }
  if (readOnly || ui.selection.size === 0) return false
  if (e.key === 'Delete' || e.key === 'Backspace') {
    ui.deleteSelected()
    return true
  }
  if (e.key === 'Enter' && ui.selection.size === 1) {
    ui.edit([...ui.selection][0] ?? null)
    return true
  }
  const step = e.shiftKey ? NUDGE * 10 : NUDGE
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  }
  const delta = arrows[e.key]
  if (!delta) return false
  ui.nudge(delta[0], delta[1])
  return true
}
