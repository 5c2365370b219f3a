import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { controlRoom } from '../../shared/rooms'
import type { SessionAccess } from '../api'
import { forgetJoins, rememberJoin, rememberName, rememberedJoin, type RememberedJoin } from '../device'
import { useCommitments, useSessionInfo, useStore } from '../state'
import { postAnswer, type CommitmentAnswer } from '../facilitation/facilitationApi'
import { privateTokenFor, useRoomConnection, type RoomConnection } from '../sync'
import { JoinScreen } from './JoinScreen'
import { MessagePage } from './MessagePage'
import { useDeletedWhileAway, useSessionDeleted } from './deletedSessions'
import { useSessionAccess } from './useSessionAccess'

// The board (Konva, Tiptap) is most of the code; the home and join pages load without it.
const loadBoard = () => import('../board/BoardScreen')
const BoardScreen = lazy(() => loadBoard().then((m) => ({ default: m.BoardScreen })))

/** `/s/<id>?key=…`: check the link, then the join screen, then the board. */
export function SessionPage({ sessionId, accessKey }: { sessionId: string; accessKey: string }) {
  const { t } = useTranslation(['pages', 'common'])
  const state = useSessionAccess(sessionId, accessKey)
  if (state.status === 'checking') return <MessagePage title={t('message.openingSession')} />
  if (state.status === 'invalid') {
    const failed = state.problem === 'failed'
    return (
      <MessagePage
        title={failed ? t('message.failed') : t('message.notValid')}
        message={failed ? state.detail : t(`message.${state.problem}`)}
        alert
      />
    )
  }
  return <SessionRoom access={state.access} accessKey={accessKey} />
}

/** The control room opens as soon as the link is known good: the join screen shows its commitments. */
function SessionRoom({ access, accessKey }: { access: SessionAccess; accessKey: string }) {
  const { t } = useTranslation(['pages', 'common'])
  // the private token says who writes (shared/schema/rules.ts): the server checks facilitators' writes too
  const control = useRoomConnection(
    controlRoom(access.id),
    accessKey,
    access.role === 'facilitator',
    privateTokenFor(access.id),
  )
  // Fetch the board's code while the person reads the commitments, so Join is instant.
  useEffect(() => void loadBoard(), [])
  if (!control) return <MessagePage title={t('message.openingSession')} />
  return <SessionInside access={access} accessKey={accessKey} control={control} />
}

/** Join (unless this device already has), then the board; or say that the session was deleted. */
function SessionInside(props: { access: SessionAccess; accessKey: string; control: RoomConnection }) {
  const { t } = useTranslation(['pages', 'common'])
  const { access, accessKey, control } = props
  // This device remembers the join per session and role: a reload goes straight back to the board.
  const [joined, setJoined] = useState<RememberedJoin | null>(() => rememberedJoin(access.id, access.role))
  const status = useStore(control.status)
  const deletedHere = useSessionDeleted(access.id)
  useDeletedWhileAway(access.id, accessKey, status.state === 'connected')
  const info = useSessionInfo(control.doc)
  const gone = status.deleted || deletedHere
  useEffect(() => {
    if (gone) forgetJoins(access.id)
  }, [gone, access.id])
  if (gone) {
    return (
      <MessagePage
        title={t('message.deleted')}
        message={t('message.deletedBody', {
          title: info.title || access.title || t('common:untitledSession'),
        })}
        alert
      />
    )
  }
  const remember = (join: RememberedJoin) => {
    rememberName(join.name)
    rememberJoin(access.id, access.role, join)
    setJoined(join)
  }
  if (joined === null) {
    const join = (name: string, answer: CommitmentAnswer) => {
      // Counted, never named (facilitators hold the commitments, so their own answer is not counted);
      // a failed count must not keep anyone out of the session. The server keeps one answer per
      // device token, so answering again on this device (its storage cleared) replaces, never adds.
      if (access.role !== 'facilitator')
        postAnswer(access.id, accessKey, privateTokenFor(access.id), answer).catch((error: unknown) =>
          console.warn('The answer to the commitments was not counted:', error),
        )
      remember({ name, answer })
    }
    return <JoinGate access={access} control={control} onJoin={join} />
  }
  const me = {
    name: joined.name,
    answer: access.role === 'facilitator' ? null : joined.answer,
    onRename: (name: string) => remember({ ...joined, name }),
  }
  return (
    <Suspense fallback={<MessagePage title={t('message.openingBoard')} />}>
      <BoardScreen access={access} accessKey={accessKey} control={control} me={me} />
    </Suspense>
  )
}

function JoinGate(props: {
  access: SessionAccess
  control: RoomConnection
  onJoin: (name: string, answer: CommitmentAnswer) => void
}) {
  const { t, i18n } = useTranslation(['pages', 'common'])
  const { access, control } = props
  const status = useStore(control.status)
  const info = useSessionInfo(control.doc)
  const commitments = useCommitments(control.doc)
  const title = info.title || access.title
  useEffect(() => {
    document.title = t('common:pageTitle', { title })
  }, [title, t, i18n.language])
  if (status.refused) {
    return (
      <MessagePage
        title={t('message.notValid')}
        message={t('message.refused', { reason: status.refused })}
        alert
      />
    )
  }
  return (
    <JoinScreen
      title={title}
      role={access.role}
      commitments={commitments}
      commitmentsLoading={!status.everSynced}
      onJoin={props.onJoin}
    />
  )
}
