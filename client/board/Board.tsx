import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import type { Origin } from '../../shared/ops/origin'
import type { SessionAccess } from '../api'
import { createShownText, ShownTextContext } from '../canvas/objects/shownText'
import { useElementSize } from '../canvas/useElementSize'
import { fitRects } from '../canvas/viewport'
import type { Viewport } from '../canvas/viewport'
import { useViewports } from '../canvas/useViewports'
import { FacilitationTop } from '../facilitation/FacilitationTop'
import { HeaderButtons } from '../facilitation/HeaderButtons'
import { LobbyCue } from '../facilitation/LobbyCue'
import { LobbyNotice } from '../facilitation/LobbyNotice'
import { OwnEntry, type Me } from '../facilitation/OwnEntry'
import { useFacilitationUi } from '../facilitation/useFacilitationUi'
import { useFacilitation } from '../facilitation/useFacilitation'
import { usePeopleModeration } from '../facilitation/usePeopleModeration'
import { useViewSync } from '../facilitation/useViewSync'
import { Announcer } from '../panels/Announcer'
import {
  useCanvasCommands,
  useCanvasObjects,
  useCommitments,
  useLeaderView,
  useRoomPeople,
  useSessionInfo,
  useStore,
  type BoardModel,
} from '../state'
import { LiveObjectsContext } from '../state/liveText'
import { combineStatus, type RoomConnection } from '../sync'
import { preloadNoteEditorWhenIdle } from '../text/LazyNoteEditor'
import { BoardArea } from './BoardArea'
import { BoardHeader, closeMenuAfterPress } from './BoardHeader'
import { ImportMaterial } from './ImportMaterial'
import { RefusalNotice } from './RefusalNotice'
import { SchemaNotice } from './SchemaNotice'
import { SidePanel, type PanelId } from './SidePanel'
import { useBoardUi } from './useBoardUi'
import { useCanvasChoice } from './useCanvasChoice'
import { useGoTo } from './useGoTo'
import { useCursorSource, usePeersView } from './usePeersView'
import { usePresencePublishing } from './usePresencePublishing'
import { useBoardGroups } from '../facilitation/groups/useBoardGroups'
import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'

// Exports are the facilitator's: only they load the menu, its dialogs and the export code.
const ExportControl = lazy(() =>
  import('../export/ExportControl').then((m) => ({ default: m.ExportControl })),
)

export interface BoardProps {
  readonly access: SessionAccess
  readonly board: RoomConnection
  readonly control: RoomConnection
  readonly model: BoardModel
  /** This person, as their commands name them. */
  readonly origin: Origin
  /** The link's key: pictures are fetched and uploaded with it. */
  readonly accessKey: string
  /** This person's own entry in People (answer, name change, removing what they added). */
  readonly me: Me
}

/** The joined board, with the texts behind content notes this person chose to read (theirs alone, kept for this tab). */
export function Board(props: BoardProps) {
  const id = props.access.id
  const shownText = useMemo(() => createShownText(`wb:shown:${id}`), [id])
  return (
    <ShownTextContext.Provider value={shownText}>
      <BoardScreenInner {...props} />
    </ShownTextContext.Provider>
  )
}

/** The joined board: the header, the current canvas, and a side panel. */
function BoardScreenInner({ access, board, control, model: roomModel, origin, accessKey, me }: BoardProps) {
  const info = useSessionInfo(control.doc)
  const commitments = useCommitments(control.doc)
  const { canvases, current, choose, resumed } = useCanvasChoice(access.id, control.doc)
  const { objects: boardObjects, invalid } = useCanvasObjects(roomModel.index, current.id)
  const [areaRef, size] = useElementSize<HTMLDivElement>()
  const [viewport, setCamera, setViewportOf, viewportOf, isPlaced] = useViewports(current.id, size)
  // Participants and viewers follow the facilitator from the start; moving the view or choosing
  // another canvas themselves ends that (Follow facilitator takes them back).
  const follow = useState(access.role !== 'facilitator')
  const [, setFollowing] = follow
  const setViewport = useCallback(
    (v: Viewport) => {
      setFollowing(false)
      setCamera(v)
    },
    [setCamera, setFollowing],
  )
  // The facilitation decides what this person may change now and what they see (private notes).
  const fac = useFacilitation({
    access,
    accessKey,
    board,
    control,
    model: roomModel,
    origin,
    canvasId: current.id,
    boardObjects,
  })
  const moderation = usePeopleModeration(fac, { id: access.id, key: accessKey })
  const { model, objects } = fac
  const facUi = useFacilitationUi(fac, roomModel.index, commitments, objects, canvases)
  const ui = useBoardUi({ model, canvasId: current.id, objects, size, viewport, setViewport })
  const boardStatus = useStore(board.status)
  const link = combineStatus([boardStatus, useStore(control.status)])
  const everyone = useRoomPeople(board.awareness)
  const peers = usePeersView(everyone.peers, current.id, canvases)
  const cursors = useCursorSource(everyone.live, current.id)
  const leaderView = useLeaderView(everyone.live)
  const [panel, setPanel] = useState<PanelId | null>(null)
  const [menuOpen, setMenuOpen] = useState(false)
  const menu = { open: menuOpen, onToggle: setMenuOpen }
  const title = info.title || access.title
  const language = useTranslation().i18n.language
  const toggle = (id: PanelId) => setPanel((open) => (open === id ? null : id))
  /** Opens a panel from a button on the board (not in Menu, which closes). */
  const openPanel = (id: PanelId) => {
    setMenuOpen(false)
    setPanel(id)
  }
  const canvasCommands = useCanvasCommands(control.doc, board.doc, origin, access.role === 'facilitator')
  const presence = usePresencePublishing({
    board,
    canvasId: current.id,
    viewport,
    size,
    selection: ui.selection,
  })

  useEffect(() => {
    document.title = i18n.t('common:pageTitle', { title })
  }, [title, language])

  // the note editor's code arrives once the board is up, before most people open a note
  const canWrite = access.role !== 'viewer'
  useEffect(() => {
    if (boardStatus.everSynced && canWrite) return preloadNoteEditorWhenIdle()
  }, [boardStatus.everSynced, canWrite])

  const openCanvas = useCallback(
    (id: string) => {
      ui.clear()
      choose(id)
    },
    [ui, choose],
  )
  const chooseCanvas = useCallback(
    (id: string) => {
      setFollowing(false)
      openCanvas(id)
    },
    [openCanvas, setFollowing],
  )
  const goTo = useGoTo({
    live: everyone.live,
    canvases,
    currentCanvas: current.id,
    openCanvas,
    setViewportOf,
    viewportOf,
    size,
  })
  const view = useViewSync({
    fac,
    leaderView,
    leaderName:
      everyone.peers.find((p) => !p.self && p.presence.user.role === 'facilitator' && p.presence.view)
        ?.presence.user.name ?? null,
    canvasId: current.id,
    objects,
    openCanvas,
    setViewportOf,
    viewportOf,
    isPlaced,
    viewport,
    size,
    index: roomModel.index,
    ready: boardStatus.everSynced,
    resumed,
    follow,
  })

  const groups = useBoardGroups({
    fac,
    access,
    accessKey,
    board,
    control,
    origin,
    peers: everyone.peers,
    canvases,
    current: current.id,
    ready: boardStatus.everSynced,
    open: chooseCanvas,
  })

  return (
    <div className="board-screen" data-menu={menuOpen ? 'open' : 'closed'}>
      <BoardHeader
        title={title}
        canvases={groups.canvases}
        current={current.id}
        onCanvas={chooseCanvas}
        manageCanvases={
          canvasCommands.canManage ? { actions: canvasCommands, objectCount: objects.length } : undefined
        }
        people={peers.people}
        link={link}
        listOpen={panel === 'list'}
        onToggleList={() => toggle('list')}
        commitmentsOpen={panel === 'commitments'}
        onToggleCommitments={() => toggle('commitments')}
        peopleOpen={panel === 'people'}
        onTogglePeople={() => toggle('people')}
        waitingCount={fac.isFacilitator ? fac.waiting.length : 0}
        facilitationButtons={<HeaderButtons open={panel} hasResults={facUi.hasResults} onToggle={toggle} />}
        menu={menu}
        exportControl={
          access.role === 'facilitator' && (
            <Suspense fallback={null}>
              <ExportControl
                session={{ id: access.id, key: accessKey, role: access.role }}
                title={title}
                template={info.template}
                board={board.doc}
                control={control.doc}
                canvases={canvases}
                current={current}
                objects={objects}
                selection={ui.selection}
              />
            </Suspense>
          )
        }
      />
      {link.schema && <SchemaNotice schema={link.schema} />}
      {link.refused && !link.schema && (
        <p className="banner error" role="alert">
          {i18n.t('board:area.refused', { reason: link.refused })}
        </p>
      )}
      <RefusalNotice rooms={[board, control, fac.privateRoom]} />
      {/* On a phone the facilitator's bar is part of Menu: pressing one of its buttons closes it. */}
      <div className="contents" onClick={(e) => closeMenuAfterPress(e, menu)}>
        <FacilitationTop
          fac={fac}
          view={view}
          session={{ id: access.id, key: accessKey, title }}
          onShowResults={() => openPanel('results')}
          extra={
            <>
              <ImportMaterial
                model={model}
                canvases={canvases}
                current={current.id}
                onImported={(imported, canvasId) => {
                  setViewportOf(canvasId, fitRects([imported.area], size))
                  if (canvasId !== current.id) chooseCanvas(canvasId)
                  else ui.select([imported.frame])
                }}
              />
              {groups.toggle(panel === 'groups', () => toggle('groups'))}
            </>
          }
        />
        {groups.strip}
      </div>
      {groups.message}
      <div className="board-main">
        <LiveObjectsContext.Provider value={roomModel.index}>
          <BoardArea
            doc={board.doc}
            model={model}
            canvas={current}
            objects={objects}
            invalid={invalid}
            ui={ui}
            areaRef={areaRef}
            size={size}
            viewport={viewport}
            setViewport={setViewport}
            peerSelections={peers.selections}
            cursors={cursors}
            cursorNames={peers.cursorNames}
            session={{ id: access.id, key: accessKey, role: access.role }}
            onPointer={presence.onPointer}
            docOf={fac.docOf}
            overlay={facUi.overlay}
            selectionExtras={facUi.selectionExtras}
          />
        </LiveObjectsContext.Provider>
        {panel && (
          <SidePanel
            panel={panel}
            canvas={current}
            objects={objects}
            unreadable={invalid.length}
            commitments={commitments}
            model={model}
            doc={board.doc}
            ui={ui}
            people={{
              people: peers.people,
              cursorHidden: presence.cursorHidden,
              onToggleCursor: presence.toggleCursor,
              onGoTo: (key: string) => {
                setFollowing(false)
                goTo(key)
              },
              own: <OwnEntry fac={fac} me={me} />,
              moderation,
            }}
            facilitation={{ ...facUi.panels, groups: groups.panel }}
            rowExtras={facUi.rowExtras}
            onClose={() => setPanel(null)}
          />
        )}
        {moderation && (
          <LobbyNotice
            moderation={moderation}
            peopleOpen={panel === 'people'}
            onSeeWho={() => openPanel('people')}
          />
        )}
      </div>
      {fac.isFacilitator && <LobbyCue waiting={fac.waiting} />}
      <Announcer
        objects={objects}
        canvasId={current.id}
        selfId={origin.userId}
        ready={boardStatus.everSynced}
      />
    </div>
  )
}
