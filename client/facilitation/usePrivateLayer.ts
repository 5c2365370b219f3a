import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { Origin } from '../../shared/ops/origin'
import { objectsOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import type { Role } from '../../shared/rooms'
import type { Writer } from '../../shared/schema/rules'
import { createBoardCommands, createBoardModel, permissionsFor, type BoardModel } from '../state'
import { usePresenceField, usePrivateRoom, type RoomConnection } from '../sync'
import { useOptionalCanvasObjects, useOptionalDocValue } from './docHooks'
import { routeCommands } from './routedCommands'

export interface PrivateLayerArgs {
  readonly sessionId: string
  readonly accessKey: string
  readonly board: RoomConnection
  readonly model: BoardModel
  readonly origin: Origin
  readonly canvasId: string
  /** Participants write new notes into their private room. */
  readonly writePrivately: boolean
  /** The board refuses this person's writes (viewer, or locked by the facilitator). */
  readonly boardReadOnly: boolean
  /** Who writes, with the session's setting: what they may do with each object. */
  readonly writer: Writer
  readonly enabled: boolean
}

const countObjects = (doc: Y.Doc): number => objectsOf(doc).size

/**
 * This person's private room beside the board: its notes on the current canvas, and one board model
 * whose commands write each object where it lives (new notes privately while writing privately).
 */
export function usePrivateLayer(args: PrivateLayerArgs) {
  const { model, origin, board } = args
  const room = usePrivateRoom(args.sessionId, args.accessKey, args.enabled)
  const mine = usePrivateModel(room, origin, args.writer.role)
  const privateObjects = useOptionalCanvasObjects(mine?.index ?? null, args.canvasId)
  const privateCount = useOptionalDocValue(room?.doc ?? null, countObjects, 0)
  // Facilitators see how many people are writing privately, never what.
  usePresenceField(board.awareness, 'privateCount', privateCount)

  const effective = useMemo<BoardModel>(() => {
    const boardCommands = args.boardReadOnly ? createBoardCommands(board.doc, origin, true) : model.commands
    const isPrivate = (id: string) => mine?.index.get(id) !== undefined
    return {
      ...model,
      readOnly: args.boardReadOnly,
      // private notes are this person's own: the same rules allow them everything the board does
      may: permissionsFor(args.writer, args.boardReadOnly),
      commands: routeCommands(boardCommands, mine?.commands ?? null, isPrivate, args.writePrivately),
    }
  }, [model, mine, board, origin, args.boardReadOnly, args.writePrivately, args.writer])

  const privateIds = useMemo(() => new Set(privateObjects.map((o) => o.id)), [privateObjects])
  const docOf = useMemo(() => {
    const own = room?.doc
    return (id: string): Y.Doc => (own && privateIds.has(id) ? own : board.doc)
  }, [room, board, privateIds])
  return { room, model: effective, privateObjects, privateIds, docOf, privateCount }
}

/** The private room's model lives exactly as long as its connection. */
function usePrivateModel(room: RoomConnection | null, origin: Origin, role: Role): BoardModel | null {
  const [model, setModel] = useState<BoardModel | null>(null)
  useEffect(() => {
    if (!room) return
    const created = createBoardModel(room.doc, origin, {
      readOnly: false,
      // what the layer's model may do is decided with the session's setting (above)
      writer: { role, self: origin.userId, protect: false },
    })
    setModel(created)
    return () => {
      setModel(null)
      created.dispose()
    }
  }, [room, origin, role])
  return model
}

/**
 * The board's objects and this person's private notes, in one list. Reveal moves a private note onto
 * the board keeping its id, and the two rooms' changes arrive apart: for a moment a note is in both,
 * and the board's copy is the one shown.
 */
export function withPrivateNotes(
  board: readonly BoardObject[],
  mine: readonly BoardObject[],
  onBoard: (id: string) => boolean,
): readonly BoardObject[] {
  const own = mine.filter((o) => !onBoard(o.id))
  return own.length === 0 ? board : [...board, ...own]
}

/** Objects shown to this person: hidden ones only to facilitators; no names in anonymous sessions. */
export function visibleObjects(
  objects: readonly BoardObject[],
  showHidden: boolean,
  anonymous: boolean,
): readonly BoardObject[] {
  const shown = showHidden ? objects : objects.filter((o) => !o.hidden)
  if (!anonymous) return shown
  return shown.map(withoutAuthor)
}

// Keeps one anonymous copy per snapshot, so unchanged notes keep their identity (and skip re-rendering).
const anonymousCopies = new WeakMap<BoardObject, BoardObject>()
function withoutAuthor(o: BoardObject): BoardObject {
  if (!o.author) return o
  let copy = anonymousCopies.get(o)
  if (!copy) {
    copy = { ...o, author: '' }
    anonymousCopies.set(o, copy)
  }
  return copy
}
