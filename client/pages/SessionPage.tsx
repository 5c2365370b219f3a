import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { controlRoom } from '../../shared/rooms'
import { ApiError, fetchMe, isRemovedError, joinSession, type SessionAccess } from '../api'
import { forgetJoins, rememberJoin, rememberName, rememberedJoin, type RememberedJoin } from '../device'
import { useCommitments, useSessionInfo, useStore } from '../state'
import type { CommitmentAnswer } from '../facilitation/facilitationApi'
import {
  forgetPersonToken,
  personTokenFor,
  rememberPersonToken,
  rememberRemoval,
  prefetchBoard,
  useRoomConnection,
  type RoomConnection,
} from '../sync'
import { JoinScreen } from './JoinScreen'
import { SchemaNotice } from '../board/SchemaNotice'
import { MessagePage } from './MessagePage'
import { useDeletedWhileAway, usePersonRemoved, useSessionDeleted } from './deletedSessions'
import { initialPhase, phaseAfterJoin, phaseFromMe, type PersonPhase } from './personPhase'
import { useSessionAccess } from './useSessionAccess'
import { WAITING_POLL_MS, WaitingPage } from './WaitingPage'

// The board (Konva, Tiptap) is most of the code; the home and join pages load without it.
const loadBoard = () => import('../board/BoardScreen')
const BoardScreen = lazy(() => loadBoard().then((m) => ({ default: m.BoardScreen })))

/** `/s/<id>?key=…`: check the link, then the join screen (and the lobby), then the board. */
export function SessionPage({ sessionId, accessKey }: { sessionId: string; accessKey: string }) {
  const { t } = useTranslation(['pages', 'common'])
  const state = useSessionAccess(sessionId, accessKey)
  if (state.status === 'checking') return <MessagePage title={t('message.openingSession')} />
  if (state.status === 'removed') return <RemovedPage />
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

/** One plain sentence, said at once: a facilitator removed this person. */
export function RemovedPage() {
  const { t } = useTranslation('pages')
  return <MessagePage title={t('removed.sentence')} alert />
}

/** The control room opens as soon as the link is known good: the join screen shows its commitments. */
function SessionRoom({ access, accessKey }: { access: SessionAccess; accessKey: string }) {
  const { t } = useTranslation(['pages', 'common'])
  // The person token (issued at join) says who writes and reads: the server checks it on every room.
  const [token, setToken] = useState(() => personTokenFor(access.id))
  const control = useRoomConnection(
    controlRoom(access.id),
    accessKey,
    access.role === 'facilitator',
    token ?? undefined,
  )
  if (!control) return <MessagePage title={t('message.openingSession')} />
  return (
    <SessionInside access={access} accessKey={accessKey} control={control} token={token} onToken={setToken} />
  )
}

interface InsideProps {
  readonly access: SessionAccess
  readonly accessKey: string
  readonly control: RoomConnection
  readonly token: string | null
  readonly onToken: (token: string | null) => void
}

/** Join (unless this device already has), wait to be admitted, then the board; or say why not. */
function SessionInside(props: InsideProps) {
  const { t } = useTranslation(['pages', 'common'])
  const { access, accessKey, control, token, onToken } = props
  const [phase, setPhase] = useState<PersonPhase>(() =>
    initialPhase(access.role, token, rememberedJoin(access.id, access.role)),
  )
  const status = useStore(control.status)
  const deletedHere = useSessionDeleted(access.id)
  const removedAway = usePersonRemoved(access.id)
  useDeletedWhileAway(access.id, accessKey, status.state === 'connected')
  const info = useSessionInfo(control.doc)
  const gone = status.deleted || deletedHere
  const removed = phase.kind === 'removed' || status.removed || removedAway
  useEffect(() => {
    if (gone || removed) forgetJoins(access.id)
    if (gone) forgetPersonToken(access.id)
    if (removed) rememberRemoval(access.id)
  }, [gone, removed, access.id])
  const forgetToken = useCallback(() => {
    forgetPersonToken(access.id)
    onToken(null)
    setPhase({ kind: 'join' })
  }, [access.id, onToken])
  useCheckToken(access, phase.kind === 'checking' ? token : null, setPhase, forgetToken)
  // While the person reads the commitments and types their name: the board's code and its document,
  // so that joining draws the board at once. Not before the join page is up: on a slow line they
  // would hold it back.
  // (Someone waiting gets the code too; the board itself only once admitted.)
  const reading = (phase.kind === 'join' || phase.kind === 'waiting') && status.everSynced
  // (not for a participant the lobby will hold: the server would refuse it until they are admitted)
  const joining = phase.kind === 'join' && !(info.admit && access.role === 'participant' && !token)
  useEffect(() => {
    if (!reading) return
    void loadBoard()
    if (joining) prefetchBoard(access.id, accessKey, token)
  }, [reading, joining, access.id, accessKey, token])
  const onAdmitted = useCallback(
    (name: string) =>
      setPhase(phaseFromMe({ status: 'admitted', name }, rememberedJoin(access.id, access.role))),
    [access.id, access.role],
  )
  const onRemoved = useCallback(() => setPhase({ kind: 'removed' }), [])
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
  if (removed) return <RemovedPage />
  const remember = (join: RememberedJoin) => {
    rememberName(join.name)
    rememberJoin(access.id, access.role, join)
  }
  if (phase.kind === 'checking') return <MessagePage title={t('message.openingSession')} />
  if (phase.kind === 'join') {
    const join = async (name: string, answer: CommitmentAnswer) => {
      // Facilitators hold the commitments: their own answer is not counted. Viewers get no token.
      const joined = await joinSession(access.id, accessKey, {
        name,
        ...(access.role === 'participant' ? { answer } : {}),
      })
      if (joined.token) {
        rememberPersonToken(access.id, joined.token)
        onToken(joined.token)
      }
      remember({ name, answer })
      setPhase(phaseAfterJoin(joined, { name, answer }))
    }
    return <JoinGate access={access} control={control} onJoin={join} />
  }
  if (phase.kind === 'waiting' && token) {
    // a page older than the server says so while waiting too (its control room is refused)
    if (status.schema) {
      return (
        <main className="page message">
          <SchemaNotice schema={status.schema} />
        </main>
      )
    }
    return (
      <WaitingPage
        sessionId={access.id}
        token={token}
        name={phase.name}
        title={info.title || access.title}
        onAdmitted={onAdmitted}
        onRemoved={onRemoved}
        onUnknown={forgetToken}
      />
    )
  }
  if (phase.kind !== 'in') return <MessagePage title={t('message.openingSession')} />
  const joined = phase.join
  const me = {
    name: joined.name,
    answer: access.role === 'facilitator' ? null : joined.answer,
    onRename: (name: string) => {
      const renamed = { ...joined, name }
      const show = () => {
        remember(renamed)
        setPhase({ kind: 'in', join: renamed })
      }
      if (!token) return Promise.resolve(show())
      // The relay shows everyone the name the server knows, and takes notes credited to it alone:
      // tell it first (the same person, by the token), then write and publish the new name. Not
      // saved there, the name stays as it was (the person is told and can try again).
      return joinSession(access.id, accessKey, {
        name,
        token,
        ...(access.role === 'participant' ? { answer: joined.answer } : {}),
      }).then(show)
    },
  }
  return (
    <Suspense fallback={<MessagePage title={t('message.openingBoard')} />}>
      <BoardScreen access={access} accessKey={accessKey} control={control} me={me} />
    </Suspense>
  )
}

/**
 * A device that has a token asks the server who it is (no second join): admitted, waiting or
 * removed. A token the server does not know is forgotten (join again); when the server cannot be
 * reached, the join remembered on this device opens the board, which reconnects by itself (without
 * one, it asks again).
 */
function useCheckToken(
  { id: sessionId, role }: SessionAccess,
  token: string | null,
  setPhase: (phase: PersonPhase) => void,
  forget: () => void,
): void {
  useEffect(() => {
    if (!token) return
    let live = true
    let retry: ReturnType<typeof setTimeout> | undefined
    const check = () =>
      fetchMe(sessionId, token).then(
        (me) => live && setPhase(phaseFromMe(me, rememberedJoin(sessionId, me.role))),
        (err: unknown) => {
          if (!live) return
          if (isRemovedError(err)) return setPhase({ kind: 'removed' })
          // only the server saying it does not know the token forgets it; a failure to ask does not
          if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return forget()
          const remembered = rememberedJoin(sessionId, role)
          if (remembered) setPhase({ kind: 'in', join: remembered })
          else retry = setTimeout(() => void check(), WAITING_POLL_MS)
        },
      )
    void check()
    return () => {
      live = false
      clearTimeout(retry)
    }
  }, [sessionId, role, token, setPhase, forget])
}

function JoinGate(props: {
  access: SessionAccess
  control: RoomConnection
  onJoin: (name: string, answer: CommitmentAnswer) => Promise<void>
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
  if (status.schema) {
    return (
      <main className="page message">
        <SchemaNotice schema={status.schema} />
      </main>
    )
  }
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
