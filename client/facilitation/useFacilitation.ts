import { setGuidance } from '../../shared/ops/agenda'
import { saveAsTemplate, savedTemplates, type SavedTemplateSummary } from './facilitationApi'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { UiLang } from '../../shared/lang'
import type { Origin } from '../../shared/ops/origin'
import {
  guidanceOf,
  readAgenda,
  readLobby,
  readRemoved,
  type AgendaStep,
  type LobbyEntry,
} from '../../shared/schema/controlDoc'
import { myVotesOf, readFacilitation, type FacilitationState } from '../../shared/schema/facilitation'
import { isClosedSpace, readGroups, spacesFor } from '../../shared/schema/groups'
import type { BoardObject } from '../../shared/schema/kinds'
import type { Writer } from '../../shared/schema/rules'
import type { SessionAccess } from '../api'
import { useDocValue, useSessionInfo, type BoardModel } from '../state'
import { useFacilitatorRoom, usePrivateWriting, type PrivateWriting, type RoomConnection } from '../sync'
import { createContributionCommands, type ContributionCommands } from './contributionCommands'
import { useOptionalDocValue } from './docHooks'
import { useServerClock } from './serverClock'
import { useSessionCommands, type SessionCommands } from './sessionCommands'
import { usePrivateLayer, visibleObjects, withPrivateNotes } from './usePrivateLayer'

export interface FacilitationArgs {
  readonly access: SessionAccess
  readonly accessKey: string
  readonly board: RoomConnection
  readonly control: RoomConnection
  readonly model: BoardModel
  readonly origin: Origin
  readonly canvasId: string
  readonly boardObjects: readonly BoardObject[]
}

const NO_GUIDANCE: Readonly<Record<string, string>> = {}
const NO_ONE: readonly LobbyEntry[] = []
// a plain sorted array: document snapshots are compared as JSON, which a Set is not
const readRemovedIds = (doc: Y.Doc): string[] => [...readRemoved(doc)].sort()
const NO_VOTES: Readonly<Record<string, number>> = {}
const readGuidance = (doc: Y.Doc): Record<string, string> =>
  guidanceOf(doc).toJSON() as Record<string, string>
const readMyVotes = (doc: Y.Doc): Record<string, number> => myVotesOf(doc).toJSON() as Record<string, number>

/** Everything the board needs from the facilitation: state, the person's effective model and objects. */
export interface Facilitation {
  /** This person's user id (their own notes, their reactions). */
  readonly userId: string
  readonly isFacilitator: boolean
  readonly canWrite: boolean
  readonly state: FacilitationState
  readonly agenda: readonly AgendaStep[]
  readonly step: AgendaStep | null
  readonly guidance: Readonly<Record<string, string>>
  readonly locked: boolean
  /** The session protects contributions: participants change and delete only what they added. */
  readonly protect: boolean
  /** Admit people: participants wait in the lobby until a facilitator admits them. */
  readonly admit: boolean
  /** Who waits to be admitted, longest first (facilitators; empty for everyone else). */
  readonly waiting: readonly LobbyEntry[]
  /** The person ids a facilitator removed from the session. */
  readonly removedIds: readonly string[]
  /** The session's languages, the main one first: steps' titles and prompts come in each. */
  readonly langs: readonly UiLang[]
  /** The board model as this person may use it now (read-only while locked; private notes routed). */
  readonly model: BoardModel
  /** The objects of the canvas as this person sees them, private notes included. */
  readonly objects: readonly BoardObject[]
  readonly privateIds: ReadonlySet<string>
  /** This person's private room, once open. */
  readonly privateRoom: RoomConnection | null
  readonly docOf: (id: string) => Y.Doc
  readonly session: SessionCommands
  readonly contributions: ContributionCommands
  readonly myVotes: Readonly<Record<string, number>>
  readonly votesLeft: number
  /** Saves this session's set-up as a new template (facilitators). */
  readonly saveAsTemplate: (title: string) => Promise<{ id: string; title: string }>
  /** The templates saved from this session (facilitators), remembered on this device too. */
  readonly savedTemplates: () => Promise<SavedTemplateSummary[]>
  /** Changes a step's guidance (facilitators only; kept in the facilitator room). */
  readonly setGuidance: (stepId: string, text: string) => void
  readonly privateWriting: PrivateWriting
  /** How many private notes this person has (on any canvas), not yet revealed. */
  readonly myPrivateNotes: number
  readonly serverNow: () => number
}

/** The facilitation layer over the board: who may do what now, and what they see. */
export function useFacilitation(args: FacilitationArgs): Facilitation {
  const { access, control, board, origin } = args
  const isFacilitator = access.role === 'facilitator'
  const canWrite = access.role !== 'viewer'
  const state = useDocValue(control.doc, readFacilitation)
  const agenda = useDocValue(control.doc, readAgenda)
  const { locked, langs, protect, admit } = useSessionInfo(control.doc)
  const removedIds = useDocValue(control.doc, readRemovedIds)
  // while small groups run, another group's space is read-only to a participant (the relay refuses it)
  const groups = useDocValue(control.doc, readGroups)
  const closedHere = !isFacilitator && isClosedSpace(spacesFor(groups, origin.userId), args.canvasId)
  const boardReadOnly = args.model.readOnly || (locked && !isFacilitator) || closedHere
  const writer = useMemo<Writer>(
    () => ({ role: access.role, self: origin.userId, protect }),
    [access.role, origin.userId, protect],
  )
  const facilitatorRoom = useFacilitatorRoom(access.id, args.accessKey, isFacilitator)
  const guidance = useOptionalDocValue(facilitatorRoom?.doc ?? null, readGuidance, NO_GUIDANCE)
  const waiting = useOptionalDocValue(facilitatorRoom?.doc ?? null, readLobby, NO_ONE)
  const layer = usePrivateLayer({
    sessionId: access.id,
    accessKey: args.accessKey,
    board,
    model: args.model,
    origin,
    canvasId: args.canvasId,
    writePrivately: state.mode === 'private' && access.role === 'participant',
    boardReadOnly,
    writer,
    enabled: canWrite,
  })
  const myVotes = useOptionalDocValue(layer.room?.doc ?? null, readMyVotes, NO_VOTES)
  const serverNow = useServerClock()
  const session = useSessionCommands(control.doc, origin, serverNow)
  const privateWriting = usePrivateWriting(board.awareness)
  const { privateObjects, privateIds, docOf, room } = layer
  const boardIndex = args.model.index
  const objects = useMemo(() => {
    const all = withPrivateNotes(args.boardObjects, privateObjects, (id) => boardIndex.get(id) !== undefined)
    return visibleObjects(all, isFacilitator, state.anonymous)
  }, [args.boardObjects, privateObjects, boardIndex, isFacilitator, state.anonymous])
  const contributions = useMemo(
    () =>
      createContributionCommands(
        {
          board: board.doc,
          mine: room?.doc ?? null,
          isPrivate: (id) => privateIds.has(id),
          readOnly: boardReadOnly,
          writer,
        },
        origin,
      ),
    [board, room, privateIds, boardReadOnly, origin, writer],
  )
  const used = Object.values(myVotes).reduce((a, n) => a + (typeof n === 'number' ? n : 0), 0)
  return {
    userId: origin.userId,
    isFacilitator,
    canWrite,
    state,
    agenda,
    step: agenda[state.step] ?? null,
    guidance,
    locked,
    protect,
    admit,
    waiting,
    removedIds,
    langs,
    model: layer.model,
    objects,
    privateIds,
    privateRoom: room,
    docOf,
    session,
    contributions,
    myVotes,
    votesLeft: Math.max(0, state.voteBudget - used),
    saveAsTemplate: (title: string) => saveAsTemplate(access.id, args.accessKey, title),
    savedTemplates: () => savedTemplates(access.id, args.accessKey),
    setGuidance: (stepId: string, text: string) => {
      if (facilitatorRoom) setGuidance(facilitatorRoom.doc, stepId, text, origin)
    },
    privateWriting,
    myPrivateNotes: layer.privateCount,
    serverNow,
  }
}
