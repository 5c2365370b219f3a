import { useMemo } from 'react'
import { OWNER_PATTERN } from '../../../shared/rooms'
import type { Origin } from '../../../shared/ops/origin'
import type { CanvasInfo } from '../../../shared/schema/controlDoc'
import type { SessionAccess } from '../../api'
import type { Peer } from '../../state'
import type { RoomConnection } from '../../sync'
import type { Facilitation } from '../useFacilitation'
import { GroupMessage, GroupStrip } from './GroupStrip'
import { GroupsPanel, GroupsToggle, type GroupPerson } from './GroupsPanel'
import { useGroupPlace } from './useGroupPlace'
import { useGroups } from './useGroups'

export interface BoardGroupsArgs {
  readonly fac: Facilitation
  readonly access: SessionAccess
  readonly accessKey: string
  readonly board: RoomConnection
  readonly control: RoomConnection
  readonly origin: Origin
  readonly peers: readonly Peer[]
  readonly canvases: readonly CanvasInfo[]
  readonly current: string
  readonly ready: boolean
  /** Opens a canvas as the person's own choice (following the facilitator ends). */
  readonly open: (canvas: string) => void
}

/**
 * Small groups on the board: the canvas tabs this person is offered (others' spaces left out while
 * they are closed), the strip and the message banner everyone sees, and the facilitators' panel.
 */
export function useBoardGroups(args: BoardGroupsArgs) {
  const { fac, canvases, open } = args
  const groups = useGroups({
    control: args.control.doc,
    board: args.board.doc,
    origin: args.origin,
    isFacilitator: fac.isFacilitator,
    sessionId: args.access.id,
    accessKey: args.accessKey,
    serverNow: fac.serverNow,
  })
  useGroupPlace(groups, fac.isFacilitator, args.ready, open)
  const shown = useMemo(
    () => (groups.closed.size === 0 ? canvases : canvases.filter((c) => !groups.closed.has(c.id))),
    [canvases, groups.closed],
  )
  const people = useMemo(() => {
    const byId = new Map<string, GroupPerson>()
    for (const p of args.peers) {
      const { id, name, role } = p.presence.user
      if (role === 'participant' && OWNER_PATTERN.test(id) && !fac.removedIds.includes(id))
        byId.set(id, { id, name })
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [args.peers, fac.removedIds])
  const reportName = canvases.find((c) => c.id === groups.state.report)?.name ?? ''
  const strip = (
    <GroupStrip
      groups={groups}
      canvasId={args.current}
      isFacilitator={fac.isFacilitator}
      canWrite={fac.canWrite}
      serverNow={fac.serverNow}
      onOpen={open}
      reportName={reportName}
    />
  )
  const panel = groups.commands ? (
    <GroupsPanel
      groups={groups}
      commands={groups.commands}
      people={people}
      canvases={canvases.filter((c) => !groups.byCanvas.has(c.id))}
      defaultCanvas={fac.step?.canvas || args.current}
      defaultPrompt={fac.step?.prompt ?? ''}
      defaultMinutes={fac.step?.minutes || 10}
      serverNow={fac.serverNow}
      onOpen={open}
    />
  ) : null
  /** The facilitator bar's Small groups button, opening and closing the panel. */
  const toggle = (open: boolean, onToggle: () => void) => <GroupsToggle open={open} onToggle={onToggle} />
  return { canvases: shown, strip, message: <GroupMessage groups={groups} />, panel, toggle }
}
