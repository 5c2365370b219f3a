import { useCallback, useEffect, useMemo, useState } from 'react'
import type { SessionAccess } from '../api'
import { useElementSize } from '../canvas/useElementSize'
import { useViewports } from '../canvas/useViewports'
import type { Point } from '../canvas/viewport'
import {
  useCanvasObjects,
  useCommitments,
  usePeers,
  useSessionInfo,
  useStore,
  type BoardModel,
} from '../state'
import { combineStatus, createCursorPublisher, setPresenceSelection, type RoomConnection } from '../sync'
import { BoardArea } from './BoardArea'
import { BoardHeader } from './BoardHeader'
import { SidePanel, type PanelId } from './SidePanel'
import { useBoardUi } from './useBoardUi'
import { useCanvasChoice } from './useCanvasChoice'
import { usePeersView } from './usePeersView'

export interface BoardProps {
  readonly access: SessionAccess
  readonly board: RoomConnection
  readonly control: RoomConnection
  readonly model: BoardModel
}

/** The joined board: the header, the current canvas, and a side panel. */
export function Board({ access, board, control, model }: BoardProps) {
  const info = useSessionInfo(control.doc)
  const commitments = useCommitments(control.doc)
  const { canvases, current, choose } = useCanvasChoice(access.id, control.doc)
  const { objects, invalid } = useCanvasObjects(model.index, current.id)
  const [areaRef, size] = useElementSize<HTMLDivElement>()
  const [viewport, setViewport] = useViewports(current.id, size)
  const ui = useBoardUi({ model, canvasId: current.id, objects, size, viewport, setViewport })
  const link = combineStatus([useStore(board.status), useStore(control.status)])
  const peers = usePeersView(usePeers(board.awareness), current.id)
  const [panel, setPanel] = useState<PanelId | null>(null)
  const title = info.title || access.title
  const toggle = (id: PanelId) => setPanel((open) => (open === id ? null : id))

  useEffect(() => {
    document.title = `${title} · Workshop whiteboard`
  }, [title])
  usePresenceSelection(board, ui.selection)
  const onPointer = useCursorPublisher(board, current.id)

  return (
    <div className="board-screen">
      <BoardHeader
        title={title}
        canvases={canvases}
        current={current.id}
        onCanvas={(id) => {
          ui.clear()
          choose(id)
        }}
        people={peers.people}
        link={link}
        listOpen={panel === 'list'}
        onToggleList={() => toggle('list')}
        commitmentsOpen={panel === 'commitments'}
        onToggleCommitments={() => toggle('commitments')}
      />
      {link.refused && (
        <p className="banner error" role="alert">
          The server refused this board: {link.refused}. Reload the page or ask the facilitator for a new
          link.
        </p>
      )}
      <div className="board-main">
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
          cursors={peers.cursors}
          onPointer={onPointer}
        />
        {panel && (
          <SidePanel
            panel={panel}
            canvas={current}
            objects={objects}
            commitments={commitments}
            model={model}
            ui={ui}
          />
        )}
      </div>
    </div>
  )
}

/** Others see what this person has selected. */
function usePresenceSelection(board: RoomConnection, selection: ReadonlySet<string>): void {
  const ids = useMemo(() => [...selection].sort().join(','), [selection])
  useEffect(() => {
    setPresenceSelection(board.awareness, ids ? ids.split(',') : [])
  }, [board, ids])
}

/** Sends this person's pointer (throttled) in world coordinates of the canvas they are on. */
function useCursorPublisher(board: RoomConnection, canvasId: string): (point: Point | null) => void {
  const publisher = useMemo(() => createCursorPublisher(board.awareness), [board])
  useEffect(() => () => publisher.dispose(), [publisher])
  return useCallback(
    (point: Point | null) => publisher.publish(point ? { canvas: canvasId, x: point.x, y: point.y } : null),
    [publisher, canvasId],
  )
}
