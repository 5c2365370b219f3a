import { useEffect, useMemo, useState } from 'react'
import { createOrigin, type Origin } from '../../shared/ops/origin'
import { colorFor } from '../../shared/presence'
import { boardRoom, type Role } from '../../shared/rooms'
import type { SessionAccess } from '../api'
import { MessagePage } from '../pages/MessagePage'
import { isAnonymous } from '../../shared/schema/controlDoc'
import { createBoardModel, useDocValue, type BoardModel } from '../state'
import {
  joinPresence,
  keepColorDistinct,
  leavePresence,
  personIdFor,
  personTokenFor,
  useRoomConnection,
  type PresenceUser,
  type RoomConnection,
} from '../sync'
import type { Me } from '../facilitation/OwnEntry'
import { Board } from './Board'
import { useTranslation } from 'react-i18next'

export interface BoardScreenProps {
  readonly access: SessionAccess
  readonly accessKey: string
  readonly control: RoomConnection
  /** This person as they joined: their name, their answer, and changing the name. */
  readonly me: Me
}

/** After Join: opens the board room, builds the model, announces the person, then shows the board. */
export function BoardScreen({ access, accessKey, control, me }: BoardScreenProps) {
  const { name } = me
  const { t } = useTranslation('pages')
  const token = personTokenFor(access.id) ?? undefined
  const board = useRoomConnection(boardRoom(access.id), accessKey, access.role !== 'viewer', token)
  // In a session a person is the person id their token proves: what the server knows them as
  // (createdBy, reactions, consent, presence), so the interface and the relay agree on what is theirs.
  // A viewer has no token: the relay names them `guest-…`; they write nothing, so '' is no one's.
  // when this page joined: people already here keep their colours when it comes (keepColorDistinct)
  const [since] = useState(() => Date.now())
  const user = useMemo<PresenceUser>(() => {
    const id = personIdFor(access.id)
    return { id, name, color: colorFor(id), role: access.role, since }
  }, [name, access.role, access.id, since])
  // One origin object for all of this person's commands: the undo manager recognises it by identity.
  // In an anonymous session what they add carries no name at all (not merely a hidden one: the
  // board's document reaches everyone in it), so the name is left out of it from the start.
  const anonymous = useDocValue(control.doc, isAnonymous)
  const origin = useMemo(() => createOrigin(user.id, anonymous ? '' : user.name), [user, anonymous])
  const model = useBoardModel(board, origin, access.role)

  useEffect(() => {
    if (!board) return
    joinPresence(board.awareness, user)
    const stop = keepColorDistinct(board.awareness)
    return () => {
      stop()
      leavePresence(board.awareness)
    }
  }, [board, user])

  if (!board || !model) return <MessagePage title={t('message.openingBoard')} />
  return (
    <Board
      access={access}
      board={board}
      control={control}
      model={model}
      origin={origin}
      accessKey={accessKey}
      me={me}
    />
  )
}

/**
 * The board model lives exactly as long as its connection. When the connection is replaced by its
 * next generation (after a refused change), the old model stays shown until the new one is built, so
 * the board is not taken down and put up again (selection, panels and view stay; undo starts afresh).
 */
function useBoardModel(board: RoomConnection | null, origin: Origin, role: Role): BoardModel | null {
  const [model, setModel] = useState<BoardModel | null>(null)
  useEffect(() => {
    if (!board) return
    // the session's setting (protect contributions) is added by the facilitation layer
    const created = createBoardModel(board.doc, origin, {
      readOnly: role === 'viewer',
      writer: { role, self: origin.userId, protect: false },
    })
    setModel(created)
    // not set to null: the next effect (a new generation) replaces it in the same commit
    return () => created.dispose()
  }, [board, origin, role])
  return model
}
