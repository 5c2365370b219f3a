import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { withFrameContents } from '../../shared/schema/geometry'
import { isNote, KINDS, type BoardObject } from '../../shared/schema/kinds'
import { freeSpot, obstacles } from '../canvas/placement'
import { boundsOf, isEditable } from '../canvas/objects/bounds'
import {
  fitRects,
  onScreen,
  panBy,
  type Point,
  revealRect,
  viewCenter,
  zoomAt,
  ZOOM_STEP,
  type Size,
  type Viewport,
} from '../canvas/viewport'
import type { BoardModel } from '../state'
import { holdKeysForNewEditor } from '../text/typeAhead'
import { useShownTextStore } from '../canvas/objects/shownText'

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
  const shownText = useShownTextStore()
  const selection = useMemo(() => new Set(rawSelection.filter((id) => byId.has(id))), [rawSelection, byId])
  const editing = (rawEditing && byId.get(rawEditing)) || null
  const created = useDiscardOfEmptyNotes(model, editing)

  const select = useCallback((ids: readonly string[]) => {
    setRawSelection(ids)
    // Picking something else ends editing of a note that is no longer selected.
    setRawEditing((current) => (current && ids.includes(current) ? current : null))
  }, [])
  const edit = useCallback(
    (id: string | null) => {
      const target = id ? byId.get(id) : undefined
      // someone else's note while contributions are protected, or a locked one: read, not edited
      if (id && (!target || !isEditable(target) || !model.may.edit(target))) return
      // a text behind a content note is shown first (Enter once reads it, again edits it)
      if (target?.contentNote && !shownText.isShown(target.id)) return shownText.show(target.id)
      model.undo.stopCapturing()
      setRawEditing(id)
      if (id) setRawSelection([id])
    },
    [byId, model, shownText],
  )
  /** Selects every object of the canvas (Ctrl+A on the board: the keyboard's way to pick several). */
  const selectAll = useCallback(() => select(objects.map((o) => o.id)), [select, objects])
  const clear = useCallback(() => {
    setRawSelection([])
    setRawEditing(null)
  }, [])

  /**
   * Adds a note centred where the person clicked, or in a free spot in the middle of the view; opens
   * it for typing unless the list view will take it.
   */
  const addSticky = useCallback(
    (openEditor = true, at?: Point) => {
      const { w, h } = KINDS.sticky.defaults()
      const center = at ?? viewCenter(viewport, size)
      const preferred = { x: Math.round(center.x - w / 2), y: Math.round(center.y - h / 2), w, h }
      const spot = at
        ? preferred
        : freeSpot(obstacles(objects), preferred, undefined, onScreen(viewport, size))
      model.undo.stopCapturing()
      const id = model.commands.addSticky(canvasId, spot.x, spot.y)
      if (id && openEditor) holdKeysForNewEditor(id, '', typedInto(model, id))
      if (id) {
        created.add(id)
        model.undo.markCreated(id)
        setRawSelection([id])
        setRawEditing(openEditor ? id : null)
        // The free spot may be past the edge of a small screen: bring the new note into view.
        const shown = revealRect(viewport, size, spot)
        if (shown !== viewport) setViewport(shown)
      }
      return id
    },
    [model, canvasId, objects, viewport, size, setViewport, created],
  )

  /** Selects an object just added (not in this render's snapshot yet) and maybe opens its editor. */
  const openNew = useCallback(
    (id: string, openEditor: boolean) => {
      created.add(id)
      model.undo.markCreated(id)
      if (openEditor) holdKeysForNewEditor(id, '', typedInto(model, id))
      setRawSelection([id])
      setRawEditing(openEditor ? id : null)
    },
    [model, created],
  )

  /** A key typed with one note selected starts editing it, the key first (FigJam's habit). */
  const typeInto = useCallback(
    (id: string, key: string) => {
      const target = byId.get(id)
      if (!target || !isEditable(target) || !model.may.edit(target)) return false
      if (target.contentNote && !shownText.isShown(id)) return false // never typed into unseen
      if (rawEditing === id) return true // its editor is opening: the key is not the board's
      holdKeysForNewEditor(id, key, typedInto(model, id))
      edit(id)
      return true
    },
    [byId, model, edit, rawEditing, shownText],
  )

  const deleteSelected = useCallback(() => {
    // What this person may not remove stays (locked, or someone else's while protected).
    const removable = [...selection].flatMap((id) => {
      const o = byId.get(id)
      return o && model.may.delete(o) ? [id] : []
    })
    model.commands.deleteObjects(removable)
    clear()
  }, [model, selection, clear, byId])

  const nudge = useCallback(
    (dx: number, dy: number) => {
      // A frame carries what lies inside it; what this person may not change does not move.
      const moves = withFrameContents(objects, [...selection]).flatMap((id) => {
        const o = byId.get(id)
        return o && model.may.edit(o) ? [{ id, x: o.x + dx, y: o.y + dy }] : []
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
    typeInto,
    deleteSelected,
    nudge,
    zoom,
  }
}

export type BoardUi = ReturnType<typeof useBoardUi>

/** Writes keys typed before a note's editor took them into the note, one undo step with its typing. */
const typedInto = (model: BoardModel, id: string) => (text: string) =>
  model.undo.asTyping(() => model.commands.appendText(id, text))

/** Notes this person added that hold nothing are clutter; so is any text box left blank. */
const isBlank = (o: BoardObject, mine: boolean): boolean =>
  isNote(o) && (mine || o.kind === 'text') && o.text.trim() === ''

/**
 * When editing of a note ends while it is empty, the note goes, and with it the steps that made it
 * in its creator's undo history (no empty litter, and Undo never brings back a blank note).
 * Returns the set of ids this person created here (the notes it may remove).
 */
function useDiscardOfEmptyNotes(model: BoardModel, editing: BoardObject | null): Set<string> {
  const created = useMemo(() => new Set<string>(), [])
  const last = useRef<BoardObject | null>(null)
  useEffect(() => {
    const before = last.current
    last.current = editing
    if (before?.id === editing?.id) return
    model.undo.setEditing(editing?.id ?? null)
    if (!before) return
    // read the note as it is now, not as this render saw it: an editor that opened late takes the
    // keys held for it and closes in one go, and the words it just wrote are not in `before`
    const now = model.index.get(before.id)
    const note = now?.ok ? now.object : null
    if (!note || !isBlank(note, created.has(note.id)) || !model.may.delete(note)) return
    model.undo.forget(note.id)
    model.commands.discardObjects([note.id])
  }, [editing, model, created])
  return created
}
