import { useId, useState } from 'react'
import { endVotingNow, revealNotes } from './facilitationApi'
import type { Facilitation } from './useFacilitation'
import type { ViewSync } from './useViewSync'

const STRINGS = {
  group: 'Facilitation',
  lock: 'Lock board',
  unlock: 'Unlock board',
  nextStep: 'Next step',
  lastStep: 'This is the last step',
  startTimer: 'Start timer',
  pauseTimer: 'Pause timer',
  addMinute: 'Add a minute',
  bringHere: 'Bring everyone here',
  privateWriting: 'Private writing',
  writing: (people: number, notes: number) =>
    `${people} ${people === 1 ? 'person' : 'people'} writing privately (${notes} ${notes === 1 ? 'note' : 'notes'})`,
  reveal: 'Reveal',
  revealed: (n: number) => `${n} private ${n === 1 ? 'note' : 'notes'} revealed.`,
  budget: 'Votes per person',
  startVoting: 'Start voting',
  endVoting: 'End voting',
  settings: 'Session settings',
  anonymous: 'Anonymous: hide author names',
  failed: (what: string, why: string) => `${what} did not work: ${why}`,
}

export interface FacilitatorBarProps {
  readonly fac: Facilitation
  readonly view: ViewSync
  readonly session: { readonly id: string; readonly key: string }
}

/** The facilitator's controls for the whole room: lock, steps, timer, summons, private writing, voting. */
export function FacilitatorBar({ fac, view, session }: FacilitatorBarProps) {
  const { state, session: commands } = fac
  const [message, setMessage] = useState('')
  const last = state.step >= fac.agenda.length - 1
  const running = state.timer?.endsAt != null
  const run = (what: string, request: () => Promise<string>) => {
    setMessage('')
    request().then(setMessage, (error: unknown) =>
      setMessage(STRINGS.failed(what, error instanceof Error ? error.message : String(error))),
    )
  }
  const reveal = () =>
    run(STRINGS.reveal, async () => {
      const response = await revealNotes(session.id, session.key)
      const { revealed } = (await response.json()) as { revealed: number }
      commands.setMode('free')
      return STRINGS.revealed(revealed)
    })
  const endVoting = () =>
    run(STRINGS.endVoting, async () => {
      await endVotingNow(session.id, session.key)
      return ''
    })
  return (
    <div className="facilitator-bar" role="group" aria-label={STRINGS.group}>
      <button type="button" aria-pressed={fac.locked} onClick={() => commands.setLocked(!fac.locked)}>
        {fac.locked ? STRINGS.unlock : STRINGS.lock}
      </button>
      <button
        type="button"
        aria-disabled={last || undefined}
        title={last ? STRINGS.lastStep : undefined}
        onClick={() => !last && commands.goToStep(state.step + 1)}
      >
        {STRINGS.nextStep}
      </button>
      {running ? (
        <button type="button" onClick={commands.pauseTimer}>
          {STRINGS.pauseTimer}
        </button>
      ) : (
        <button type="button" onClick={commands.startTimer}>
          {STRINGS.startTimer}
        </button>
      )}
      {state.timer && (
        <button type="button" onClick={commands.addMinute}>
          {STRINGS.addMinute}
        </button>
      )}
      <button type="button" onClick={view.bringEveryoneHere}>
        {STRINGS.bringHere}
      </button>
      <button
        type="button"
        aria-pressed={state.mode === 'private'}
        onClick={() => commands.setMode(state.mode === 'private' ? 'free' : 'private')}
      >
        {STRINGS.privateWriting}
      </button>
      <button type="button" onClick={reveal}>
        {STRINGS.reveal}
      </button>
      {(state.mode === 'private' || fac.privateWriting.people > 0) && (
        <span className="muted">{STRINGS.writing(fac.privateWriting.people, fac.privateWriting.notes)}</span>
      )}
      <VotingControls fac={fac} onEnd={endVoting} />
      <SessionSettings fac={fac} />
      <span aria-live="polite" className="facilitator-message">
        {message}
      </span>
    </div>
  )
}

/** Start voting with a budget, or end it. */
function VotingControls({ fac, onEnd }: { fac: Facilitation; onEnd: () => void }) {
  const id = useId()
  const [budget, setBudget] = useState(String(fac.state.voteBudget))
  if (fac.state.mode === 'voting') {
    return (
      <button type="button" onClick={onEnd}>
        {STRINGS.endVoting}
      </button>
    )
  }
  const value = Math.max(1, Math.min(50, Math.floor(Number(budget)) || 3))
  return (
    <span className="voting-controls">
      <label htmlFor={id}>{STRINGS.budget}</label>
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
        {STRINGS.startVoting}
      </button>
    </span>
  )
}

/** Settings that change how the board shows people (anonymity). */
function SessionSettings({ fac }: { fac: Facilitation }) {
  return (
    <details className="session-settings">
      <summary>{STRINGS.settings}</summary>
      <label>
        <input
          type="checkbox"
          checked={fac.state.anonymous}
          onChange={(e) => fac.session.setAnonymous(e.target.checked)}
        />
        {STRINGS.anonymous}
      </label>
    </details>
  )
}
