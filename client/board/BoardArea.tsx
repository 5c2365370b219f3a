import { useCallback, useRef, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { InvalidObject } from '../../shared/schema/boardDoc'
import type { CanvasInfo } from '../../shared/schema/controlDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { BoardCanvas } from '../canvas/BoardCanvas'
import { ImageSourceContext } from '../canvas/objects/imageSource'
import type { CursorSource } from '../canvas/CursorsLayer'
import { Toolbar } from '../canvas/tools/Toolbar'
import type { ToolId } from '../canvas/tools/tools'
import type { Point, Size, Viewport } from '../canvas/viewport'
import { ZoomControls } from '../canvas/ZoomControls'
import { BOARD_PANEL_ID, tabDomId } from '../panels/CanvasTabs'
import { useUndoState, type BoardModel } from '../state'
import { NoteEditorLayer } from './NoteEditorLayer'
import { ObjectToolsUi } from './ObjectToolsUi'
import { PlacingHint } from './PlacingHint'
import type { SelectionExtras } from './SelectionActions'
import { useBoardShortcuts } from './useBoardShortcuts'
import { useSelectionClear } from './useSelectionClear'
import type { BoardUi } from './useBoardUi'
import { useObjectTools, type BoardSession } from './useObjectTools'
import { useTranslation } from 'react-i18next'

export interface BoardAreaProps {
  readonly doc: Y.Doc
  readonly model: BoardModel
  readonly canvas: CanvasInfo
  readonly objects: readonly BoardObject[]
  readonly invalid: readonly InvalidObject[]
  readonly ui: BoardUi
  /** Measures the canvas's box (a callback ref). */
  readonly areaRef: (el: HTMLDivElement | null) => void
  readonly size: Size
  readonly viewport: Viewport
  readonly setViewport: (v: Viewport) => void
  readonly peerSelections: ReadonlyMap<string, string>
  readonly cursors: CursorSource
  readonly cursorNames: string
  readonly onPointer: (point: Point | null) => void
  /** The session and this person's key and role (images, locking). */
  readonly session: BoardSession
  /** The document an object lives in, when not all are on the board (private notes). */
  readonly docOf?: (id: string) => Y.Doc
  /** Drawn over the objects, in world coordinates (badges for votes, privacy, moderation). */
  readonly overlay?: (visible: readonly BoardObject[], scale: number) => ReactNode
  /** More actions for the selection bar (themes, reactions, consent, moderation). */
  readonly selectionExtras?: SelectionExtras
}

/** The canvas of the current tab with everything floating over it: tools, selection, editor, zoom. */
export function BoardArea(props: BoardAreaProps) {
  const { t } = useTranslation('board')
  const { model, ui, objects, viewport, canvas } = props
  const canvasFocus = useRef<HTMLDivElement | null>(null)
  /** The whole area, canvas and bars: pictures dropped anywhere on it are added. */
  const areaEl = useRef<HTMLDivElement>(null)
  const { areaRef } = props
  // The canvas's own box is what the stage fills (on a phone the toolbar docks below it).
  const canvasRef = useCallback(
    (el: HTMLDivElement | null) => {
      canvasFocus.current = el
      areaRef(el)
    },
    [areaRef],
  )
  const undoState = useUndoState(model.undo)
  const kit = useObjectTools({
    session: props.session,
    model,
    canvasId: canvas.id,
    objects,
    ui,
    viewport,
    size: props.size,
    area: areaEl,
  })
  // stable, so the toolbar (memoised) does not render again for every change on the board
  const tools = useRef(kit.tools)
  tools.current = kit.tools
  const onToolButton = useCallback((tool: ToolId) => tools.current.choose(tool, 'button'), [])
  const onToolKey = (tool: ToolId) => kit.tools.choose(tool, 'key')
  const endEditing = useCallback(() => {
    ui.edit(null)
    // Back to the canvas, so Delete, Enter and the arrows act on the note just edited.
    canvasFocus.current?.focus({ preventScroll: true })
  }, [ui])
  const editingId = ui.editing?.id
  const keepTyped = useCallback(
    (text: string) => {
      if (editingId) model.undo.asTyping(() => model.commands.appendText(editingId, text))
    },
    [model, editingId],
  )
  const backToCanvas = useCallback(() => canvasFocus.current?.focus({ preventScroll: true }), [])
  useSelectionClear(canvasFocus, ui.selection, objects, viewport, props.setViewport)
  useBoardShortcuts({
    ui,
    readOnly: model.readOnly,
    undo: model.undo.undo,
    redo: model.undo.redo,
    onTool: onToolKey,
    canvasFocus,
    extraKeys: kit.actions.onKey,
  })
  const count = t('area.objects', { count: objects.length })

  return (
    <div
      ref={areaEl}
      className="board-area"
      id={BOARD_PANEL_ID}
      role="tabpanel"
      aria-labelledby={tabDomId(canvas.id)}
    >
      <div
        ref={canvasRef}
        className="canvas-focus"
        tabIndex={0}
        role="group"
        aria-roledescription={t('area.roleDescription')}
        aria-label={t('area.label', { name: canvas.name, count })}
        onPointerDown={() => canvasFocus.current?.focus({ preventScroll: true })}
      >
        {props.size.width > 0 && (
          <ImageSourceContext.Provider value={kit.imageSource}>
            <BoardCanvas
              objects={objects}
              invalid={props.invalid}
              size={props.size}
              viewport={viewport}
              onViewportChange={props.setViewport}
              selection={ui.selection}
              onSelectionChange={ui.select}
              editingId={ui.editing?.id ?? null}
              onEdit={kit.onEdit}
              readOnly={model.readOnly}
              may={model.may}
              peerSelections={props.peerSelections}
              cursors={props.cursors}
              cursorNames={props.cursorNames}
              onMove={model.commands.moveObjects}
              onPointer={props.onPointer}
              tools={kit.tools.canvasTools}
              overlay={props.overlay}
            />
          </ImageSourceContext.Provider>
        )}
      </div>
      <Toolbar
        activeTool={kit.tools.tool}
        onTool={onToolButton}
        readOnly={model.readOnly}
        canUndo={undoState.canUndo}
        canRedo={undoState.canRedo}
        onUndo={model.undo.undo}
        onRedo={model.undo.redo}
      />
      <PlacingHint tool={kit.tools.tool} pending={kit.tools.hasPending} />
      {model.readOnly && <p className="view-only-chip">{t('area.viewOnly')}</p>}
      <ObjectToolsUi
        kit={kit}
        doc={props.doc}
        model={model}
        ui={ui}
        backToCanvas={backToCanvas}
        session={props.session}
        objects={objects}
        viewport={viewport}
        size={props.size}
        setViewport={props.setViewport}
        selectionExtras={props.selectionExtras}
      />
      {ui.editing && (
        <NoteEditorLayer
          doc={props.docOf?.(ui.editing.id) ?? props.doc}
          object={ui.editing}
          viewport={viewport}
          onDone={endEditing}
          keepTyped={keepTyped}
        />
      )}
      <ZoomControls
        scale={viewport.scale}
        onZoomIn={ui.zoom.in}
        onZoomOut={ui.zoom.out}
        onReset={ui.zoom.reset}
        onFit={ui.zoom.fit}
      />
    </div>
  )
}
