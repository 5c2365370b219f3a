import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import {
  assignPerson,
  bringGroupsBack,
  endGroups,
  messageAllGroups,
  setChoosing,
  setGroupTimer,
  setVisiting,
  splitIntoGroups,
  updateGroup,
  type SplitPlan,
} from '../../../shared/ops/groups'
import type { Origin } from '../../../shared/ops/origin'
import { readGroups, spacesFor, type Group, type GroupsState } from '../../../shared/schema/groups'
import { useDocValue } from '../../state'
import { credentials } from '../../sync/personToken'

export interface GroupsArgs {
  readonly control: Y.Doc
  readonly board: Y.Doc
  readonly origin: Origin
  readonly isFacilitator: boolean
  readonly sessionId: string
  readonly accessKey: string
  readonly serverNow: () => number
}

/** The facilitators' commands for small groups (each one named op in shared/ops/groups). */
export interface GroupCommands {
  readonly split: (plan: SplitPlan) => void
  readonly assign: (person: string, group: string) => void
  readonly rename: (group: string, name: string) => void
  readonly setPrompt: (group: string, prompt: string) => void
  readonly restartTimer: (group: string, minutes: number) => void
  readonly setVisiting: (visit: boolean) => void
  readonly setChoosing: (choose: boolean) => void
  readonly message: (text: string) => void
  readonly bringBack: (reportName: string) => string
  readonly end: () => void
}

/** Small groups as this person sees them: the groups, their own, the closed spaces, the commands. */
export interface Groups {
  readonly state: GroupsState
  /** This person's group, while groups run or after. */
  readonly mine: Group | null
  /** Canvases closed to this person now (other groups' spaces while visiting is not allowed). */
  readonly closed: ReadonlySet<string>
  /** Every group's canvas id → its group. */
  readonly byCanvas: ReadonlyMap<string, Group>
  /** Puts this person in a group while the facilitator lets people choose (the server writes it). */
  readonly choose: (group: string) => Promise<void>
  /** The facilitators' commands (null for everyone else). */
  readonly commands: GroupCommands | null
}

/** Reads the groups from the control room and offers what this person may do with them. */
export function useGroups(args: GroupsArgs): Groups {
  const { control, board, origin, isFacilitator, serverNow, sessionId, accessKey } = args
  const state = useDocValue(control, readGroups)
  const mine = state.groups.find((g) => g.id === state.members[origin.userId]) ?? null
  const closed = useMemo(() => {
    const spaces = isFacilitator ? null : spacesFor(state, origin.userId)
    const out = new Set<string>()
    if (spaces) for (const [canvas, group] of spaces.owners) if (group !== spaces.mine) out.add(canvas)
    return out
  }, [state, origin.userId, isFacilitator])
  const byCanvas = useMemo(() => new Map(state.groups.map((g) => [g.canvas, g])), [state.groups])
  const choose = useCallback(
    async (group: string) => {
      const response = await fetch(
        `/api/sessions/${encodeURIComponent(sessionId)}/groups/choose?${credentials(sessionId, accessKey)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ group }) },
      )
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: unknown } | null
        throw new Error(typeof body?.error === 'string' ? body.error : String(response.status))
      }
    },
    [sessionId, accessKey],
  )
  const commands = useMemo<GroupCommands | null>(
    () =>
      isFacilitator
        ? {
            split: (plan) => void splitIntoGroups(control, board, plan, origin, serverNow()),
            assign: (person, group) => assignPerson(control, person, group, origin),
            rename: (group, name) => updateGroup(control, group, { name }, origin),
            setPrompt: (group, prompt) => updateGroup(control, group, { prompt }, origin),
            restartTimer: (group, minutes) => setGroupTimer(control, group, minutes, serverNow(), origin),
            setVisiting: (visit) => setVisiting(control, visit, origin),
            setChoosing: (on) => setChoosing(control, on, origin),
            message: (text) => messageAllGroups(control, text, serverNow(), origin),
            bringBack: (name) => bringGroupsBack(control, board, name, origin, serverNow()),
            end: () => endGroups(control, origin),
          }
        : null,
    [isFacilitator, control, board, origin, serverNow],
  )
  return { state, mine, closed, byCanvas, choose, commands }
}
