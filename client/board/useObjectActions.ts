import { useCallback, useEffect, useRef } from 'react'
import { parseClipboard, type ClipboardData } from '../../shared/ops/clipboard'
import { withFrameContents } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { isPlacingTool } from '../canvas/tools/tools'
import { viewCenter, type Size, type Viewport } from '../canvas/viewport'
import type { BoardModel } from '../state'
import type { BoardTools } from './useBoardTools'
import type { BoardUi } from './useBoardUi'

export interface ObjectActionsArgs {
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly ui: BoardUi
  readonly tools: BoardTools
  readonly viewport: Viewport
  readonly size: Size
  /** Pasted picture files go here. */
  readonly uploadImages: (files: readonly File[]) => void
  /** Opens the description dialog for an image. */
  readonly describe: (id: string) => void
}

/**
 * What was copied last in this tab. The system clipboard is the real one (it works across tabs and
 * canvases); this is the fallback when a browser gives a copy or paste event no clipboard data.
 */
let lastCopied: ClipboardData | null = null
/** Each paste of the same copy lands a little further along, so copies never stack exactly. */
const PASTE_STEP = 24

/** Typing in a field must never trigger board shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Where copied objects go: shifted a step if their place is in view, else to the middle of the view. */
function pasteOffset(data: ClipboardData, view: Viewport, size: Size, step: number) {
  const xs = data.objects.map((o) => o.x)
  const ys = data.objects.map((o) => o.y)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  const sx = minX * view.scale + view.x
  const sy = minY * view.scale + view.y
  if (sx >= 0 && sy >= 0 && sx < size.width && sy < size.height) return { dx: step, dy: step }
  const c = viewCenter(view, size)
  return { dx: Math.round(c.x - minX - 100), dy: Math.round(c.y - minY - 100) }
}

/**
 * Actions on the selection beyond move and delete: duplicate, copy / cut / paste through the
 * system clipboard, bring to front, send to back, lock; and the keys for them and for the tools.
 */
export function useObjectActions(args: ObjectActionsArgs) {
  const latest = useRef(args)
  latest.current = args
  const pasteCount = useRef(0)

  const selectedIds = () => [...latest.current.ui.selection]
  /** The selected objects this person may change (the board's rules), e.g. to reorder them. */
  const changeableIds = () => {
    const { objects, ui, model } = latest.current
    return objects.filter((o) => ui.selection.has(o.id) && model.may.edit(o)).map((o) => o.id)
  }

  const duplicate = useCallback(() => {
    const { model, ui } = latest.current
    // a frame is duplicated with what it holds, as it is moved with it
    const ids = model.commands.duplicate(withFrameContents(latest.current.objects, selectedIds()))
    if (ids.length > 0) ui.select(ids)
  }, [])
  const bringToFront = useCallback(() => latest.current.model.commands.bringToFront(changeableIds()), [])
  const sendToBack = useCallback(() => latest.current.model.commands.sendToBack(changeableIds()), [])
  const setLocked = useCallback((locked: boolean) => {
    const { model, objects, ui } = latest.current
    const ids = objects.filter((o) => ui.selection.has(o.id) && model.may.moderate(o)).map((o) => o.id)
    if (ids.length > 0) model.commands.setLocked(ids, locked)
  }, [])

  const paste = useCallback((data: ClipboardData) => {
    const { model, canvasId, viewport, size, ui } = latest.current
    pasteCount.current += 1
    const offset = pasteOffset(data, viewport, size, PASTE_STEP * pasteCount.current)
    const ids = model.commands.paste(data, canvasId, offset)
    if (ids.length > 0) ui.select(ids)
  }, [])

  useClipboardEvents(latest, paste, pasteCount)

  const onKey = useCallback(
    (e: KeyboardEvent, onBoard: boolean): boolean =>
      handleObjectKey(e, onBoard, latest.current, { duplicate, bringToFront, sendToBack }),
    [duplicate, bringToFront, sendToBack],
  )

  return { duplicate, bringToFront, sendToBack, setLocked, onKey }
}

function useClipboardEvents(
  latest: { readonly current: ObjectActionsArgs },
  paste: (data: ClipboardData) => void,
  pasteCount: { current: number },
) {
  useEffect(() => {
    const copy = (e: ClipboardEvent, cut: boolean) => {
      const { model, ui, objects } = latest.current
      if (isTyping(e.target) || ui.editing || ui.selection.size === 0) return
      const data = model.commands.copy(withFrameContents(objects, [...ui.selection]))
      lastCopied = data
      pasteCount.current = 0
      e.clipboardData?.setData('text/plain', JSON.stringify(data))
      e.preventDefault()
      if (cut)
        model.commands.deleteObjects(
          objects.filter((o) => ui.selection.has(o.id) && model.may.delete(o)).map((o) => o.id),
        )
    }
    const onCopy = (e: ClipboardEvent) => copy(e, false)
    const onCut = (e: ClipboardEvent) => copy(e, true)
    const onPaste = (e: ClipboardEvent) => {
      const { model, ui, uploadImages } = latest.current
      if (isTyping(e.target) || ui.editing || model.readOnly) return
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'))
      if (files.length > 0) {
        e.preventDefault()
        uploadImages(files)
        return
      }
      const text = e.clipboardData?.getData('text/plain') ?? ''
      const data = parseClipboard(text) ?? (text ? null : lastCopied)
      if (!data) return
      e.preventDefault()
      paste(data)
    }
    window.addEventListener('copy', onCopy)
    window.addEventListener('cut', onCut)
    window.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('copy', onCopy)
      window.removeEventListener('cut', onCut)
      window.removeEventListener('paste', onPaste)
    }
  }, [latest, paste, pasteCount])
}

interface KeyActions {
  readonly duplicate: () => void
  readonly bringToFront: () => void
  readonly sendToBack: () => void
}

/** Keys for the selection and the tools; the board's own shortcuts handle the rest. */
function handleObjectKey(e: KeyboardEvent, onBoard: boolean, a: ObjectActionsArgs, act: KeyActions): boolean {
  const { ui, tools, model, objects } = a
  const mod = e.ctrlKey || e.metaKey
  const hasSelection = onBoard && ui.selection.size > 0 && !model.readOnly
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'd') {
    if (hasSelection) act.duplicate()
    return true // never the browser's bookmark dialog over the board
  }
  if (mod || e.altKey) return false
  if (e.key === 'Escape' && tools.tool !== 'select') {
    tools.choose('select', 'key')
    return true
  }
  // With a placing tool armed (by its key), Enter puts the object in the middle of the view.
  if (e.key === 'Enter' && isPlacingTool(tools.tool) && !model.readOnly && (onBoard || !ui.editing)) {
    tools.placeInMiddle()
    return true
  }
  if (tools.tool === 'pen' && e.key.toLowerCase() === 'e') {
    tools.changeOptions({ eraser: !tools.options.eraser })
    return true
  }
  if (!hasSelection) return false
  if (e.key === ']') act.bringToFront()
  else if (e.key === '[') act.sendToBack()
  else if (e.key === 'Enter' && ui.selection.size === 1) {
    const only = objects.find((o) => ui.selection.has(o.id))
    if (only?.kind === 'recipe') tools.openRecipe(only.id)
    else if (only?.kind === 'image' && model.may.edit(only)) a.describe(only.id)
    else if (only?.kind === 'frame' && model.may.edit(only)) tools.requestTitle(only.id)
    else return false
  } else return false
  return true
}
