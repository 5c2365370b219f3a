import { useCallback, useMemo, useState } from 'react'
import { withFrameContents } from '../../shared/schema/geometry'
import { KINDS, type BoardObject } from '../../shared/schema/kinds'
import { freeSpot } from '../canvas/placement'
import { boundsOf, isEditable } from '../canvas/objects/bounds'
import {
  fitRects,
  panBy,
  revealRect,
  viewCenter,
  zoomAt,
  ZOOM_STEP,
  type Size,
  type Viewport,
} from '../canvas/viewport'
import type { BoardModel } from '../state'
import { holdKeysForNewEditor } from '../text/typeAhead'

export interface BoardUiArgs {
  readonly model: BoardModel
  readonly canvasId: string
  readonly objects: readonly BoardObject[]
  readonly size: Size
  readonly viewport: Viewport
  readonly setViewport: (v: Viewport) => void
}

/**
 * This person's view state of the board (selection, the note being edited) and the actions on
 * it. Selection and editing drop objects that have gone (deleted by someone, or undone).
 */
export function useBoardUi({ model, canvasId, objects, size, viewport, setViewport }: BoardUiArgs) {
  const [rawSelection, setRawSelection] = useState<readonly string[]>([])
  const [rawEditing, setRawEditing] = useState<string | null>(null)
  const byId = useMemo(() => new Map(objects.map((o) => [o.id, o])), [objects])
  const selection = useMemo(() => new Set(rawSelection.filter((id) => byId.has(id))), [rawSelection, byId])
  const editing = (rawEditing && byId.get(rawEditing)) || null

  const select = useCallback((ids: readonly string[]) => {
    setRawSelection(ids)
    // Picking something else ends editing of a note that is no longer selected.
    setRawEditing((current) => (current && ids.includes(current) ? current : null))
  }, [])
  const edit = useCallback(
    (id: string | null) => {
      const target = id ? byId.get(id) : undefined
      if (id && (!target || !isEditable(target) || model.readOnly)) return
      model.undo.stopCapturing()
      setRawEditing(id)
      if (id) setRawSelection([id])
    },
    [byId, model],
  )
  /** Selects every object of the canvas (Ctrl+A on the board: the keyboard's way to pick several). */
  const selectAll = useCallback(() => select(objects.map((o) => o.id)), [select, objects])
  const clear = useCallback(() => {
    setRawSelection([])
    setRawEditing(null)
  }, [])

  /** Adds a note in the middle of the view; opens it for typing unless the list view will take it. */
  const addSticky = useCallback(
    (openEditor = true) => {
      const { w, h } = KINDS.sticky.defaults()
      const center = viewCenter(viewport, size)
      const preferred = { x: Math.round(center.x - w / 2), y: Math.round(center.y - h / 2), w, h }
      const spot = freeSpot(objects.map(boundsOf), preferred)
      const id = model.commands.addSticky(canvasId, spot.x, spot.y)
      if (id && openEditor) holdKeysForNewEditor()
      if (id) {
        setRawSelection([id])
        setRawEditing(openEditor ? id : null)
        // The free spot may be past the edge of a small screen: bring the new note into view.
        const shown = revealRect(viewport, size, spot)
        if (shown !== viewport) setViewport(shown)
      }
      return id
    },
    [model, canvasId, objects, viewport, size, setViewport],
  )

  /** Selects an object just added (not in this render's snapshot yet) and maybe opens its editor. */
  const openNew = useCallback(
    (id: string, openEditor: boolean) => {
      model.undo.stopCapturing()
      if (openEditor) holdKeysForNewEditor()
      setRawSelection([id])
      setRawEditing(openEditor ? id : null)
    },
    [model],
  )

  const deleteSelected = useCallback(() => {
    // Locked objects stay: a facilitator unlocks them first.
    model.commands.deleteObjects([...selection].filter((id) => !byId.get(id)?.locked))
    clear()
  }, [model, selection, clear, byId])

  const nudge = useCallback(
    (dx: number, dy: number) => {
      // A frame carries what lies inside it; locked objects do not move.
      const moves = withFrameContents(objects, [...selection]).flatMap((id) => {
        const o = byId.get(id)
        return o && !o.locked ? [{ id, x: o.x + dx, y: o.y + dy }] : []
      })
      model.commands.moveObjects(moves)
    },
    [model, selection, byId, objects],
  )

  const center = { x: size.width / 2, y: size.height / 2 }
  const zoom = {
    in: () => setViewport(zoomAt(viewport, center, viewport.scale * ZOOM_STEP)),
    out: () => setViewport(zoomAt(viewport, center, viewport.scale / ZOOM_STEP)),
    reset: () => setViewport(zoomAt(viewport, center, 1)),
    fit: () => setViewport(fitRects(objects.map(boundsOf), size)),
    /** Moves the view by a screen distance (arrow keys with nothing selected). */
    pan: (dx: number, dy: number) => setViewport(panBy(viewport, dx, dy)),
  }

  return {
    selection,
    editing,
    select,
    selectAll,
    edit,
    clear,
    addSticky,
    openNew,
    deleteSelected,
    nudge,
    zoom,
  }
}

export type BoardUi = ReturnType<typeof useBoardUi>
