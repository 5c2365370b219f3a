import { useId, useState, type ReactNode } from 'react'
import { DeleteSession } from './DeleteSession'
import { SessionSettings } from './SessionSettings'
import { endVotingNow, revealNotes } from './facilitationApi'
import type { Facilitation } from './useFacilitation'
import type { ViewSync } from './useViewSync'
import { useTranslation } from 'react-i18next'

export interface FacilitatorBarProps {
  readonly fac: Facilitation
  readonly view: ViewSync
  readonly session: { readonly id: string; readonly key: string; readonly title?: string }
  /** More of the facilitator's controls from elsewhere (Import material, Small groups), at the end of the bar. */
  readonly extra?: ReactNode
}

/** The facilitator's controls for the whole room: lock, steps, timer, summons, private writing, voting. */
export function FacilitatorBar({ fac, view, session, extra }: FacilitatorBarProps) {
  const { t } = useTranslation('facilitation')
  const { state, session: commands } = fac
  const [message, setMessage] = useState('')
  const last = state.step >= fac.agenda.length - 1
  const running = state.timer?.endsAt != null
  const next = fac.agenda[state.step + 1]
  const nextHint = next
    ? t(
        next.mode === 'private'
          ? 'bar.nextHintPrivate'
          : state.mode === 'private'
            ? 'bar.nextHintEnds'
            : 'bar.nextHint',
        { title: next.title },
      )
    : undefined
  const run = (what: string, request: () => Promise<string>) => {
    setMessage('')
    request().then(setMessage, (error: unknown) =>
      setMessage(t('bar.failed', { what, why: error instanceof Error ? error.message : String(error) })),
    )
  }
  const reveal = () =>
    run(t('bar.reveal'), async () => {
      const response = await revealNotes(session.id, session.key)
      const { revealed } = (await response.json()) as { revealed: number }
      commands.setMode('free')
      return t('bar.revealed', { count: revealed })
    })
  // Ending reveals nothing: say so, and how many notes are still private.
  const endPrivate = () => {
    commands.setMode('free')
    setMessage(t('bar.ended', { count: fac.privateWriting.notes }))
  }
  const endVoting = () =>
    run(t('bar.endVoting'), async () => {
      await endVotingNow(session.id, session.key)
      return ''
    })
  return (
    <div className="facilitator-bar" role="group" aria-label={t('bar.group')}>
      <button type="button" aria-pressed={fac.locked} onClick={() => commands.setLocked(!fac.locked)}>
        {fac.locked ? t('bar.unlock') : t('bar.lock')}
      </button>
      <button
        type="button"
        aria-disabled={last || undefined}
        title={last ? t('bar.lastStep') : nextHint}
        onClick={() => !last && commands.goToStep(state.step + 1)}
      >
        {t('bar.nextStep')}
      </button>
      {running ? (
        <button type="button" onClick={commands.pauseTimer}>
          {t('bar.pauseTimer')}
        </button>
      ) : (
        <button type="button" onClick={commands.startTimer}>
          {t('bar.startTimer')}
        </button>
      )}
      {state.timer && (
        <button type="button" onClick={commands.addMinute}>
          {t('bar.addMinute')}
        </button>
      )}
      <button type="button" onClick={view.bringEveryoneHere}>
        {t('bar.bringHere')}
      </button>
      {state.mode === 'private' ? (
        <button type="button" title={t('bar.endPrivateHint')} onClick={endPrivate}>
          {t('bar.endPrivate')}
        </button>
      ) : (
        <button type="button" onClick={() => commands.setMode('private')}>
          {t('bar.startPrivate')}
        </button>
      )}
      <button type="button" onClick={reveal}>
        {t('bar.reveal')}
      </button>
      <VotingControls fac={fac} onEnd={endVoting} />
      <SessionSettings fac={fac} session={session} />
      <DeleteSession session={session} />
      {extra}
      <span aria-live="polite" className="facilitator-message">
        {message}
      </span>
    </div>
  )
}

/** Start voting with a budget, or end it. */
function VotingControls({ fac, onEnd }: { fac: Facilitation; onEnd: () => void }) {
  const { t } = useTranslation('facilitation')
  const id = useId()
  const [budget, setBudget] = useState(String(fac.state.voteBudget))
  if (fac.state.mode === 'voting') {
    return (
      <button type="button" onClick={onEnd}>
        {t('bar.endVoting')}
      </button>
    )
  }
  const value = Math.max(1, Math.min(50, Math.floor(Number(budget)) || 3))
  return (
    <span className="voting-controls">
      <label htmlFor={id}>{t('bar.budget')}</label>
      <input
        id={id}
        type="number"
        min={1}
        max={50}
        inputMode="numeric"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
      />
      <button type="button" onClick={() => fac.session.startVoting(value)}>
        {t('bar.startVoting')}
      </button>
    </span>
  )
}
