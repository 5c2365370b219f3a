import type { Facilitation } from './useFacilitation'
import type { ViewSync } from './useViewSync'
import { TimerDisplay } from './TimerDisplay'

const STRINGS = {
  region: 'Current step',
  step: (n: number, of: number, title: string) => `Step ${n} of ${of}: ${title}`,
  goThere: 'Go there',
  follow: 'Follow facilitator',
  locked: 'The board is locked by the facilitator',
  privateWriting: 'Private writing: your new notes are only for you until the facilitator reveals them.',
  privateWritingFacilitator: 'Private writing: participants’ new notes stay private until you reveal them.',
  votesLeft: (n: number) => `Votes left: ${n}`,
  voting: 'Voting is open.',
  results: 'Voting has ended: see Results.',
}

/**
 * What everyone sees of the facilitation above the board: the lock, the step and its prompt, the
 * timer, private writing and voting, and ways to go where the group is.
 */
export function FacilitationStrip(props: { fac: Facilitation; view: ViewSync }) {
  const { fac, view } = props
  const { state, step } = fac
  const hasResults = Object.keys(state.results).length > 0
  return (
    <section className="facilitation-strip" aria-label={STRINGS.region}>
      {step && (
        <p className="prompt-banner" aria-live="polite" title={step.prompt}>
          <span className="prompt-step">{STRINGS.step(state.step + 1, fac.agenda.length, step.title)}</span>
          {step.prompt && <span className="prompt-text">{step.prompt}</span>}
        </p>
      )}
      <div aria-live="polite" className="strip-notices">
        {fac.locked && <p className="banner locked-banner">{STRINGS.locked}</p>}
        {state.mode === 'private' && (
          <p className="banner private-banner">
            {fac.isFacilitator ? STRINGS.privateWritingFacilitator : STRINGS.privateWriting}
          </p>
        )}
        {state.mode === 'voting' && (
          <p className="banner voting-banner">
            {fac.canWrite ? STRINGS.votesLeft(fac.votesLeft) : STRINGS.voting}
          </p>
        )}
        {state.mode !== 'voting' && hasResults && <p className="banner">{STRINGS.results}</p>}
      </div>
      {state.timer && <TimerDisplay timer={state.timer} serverNow={fac.serverNow} />}
      {view.canGoThere && (
        <button type="button" onClick={view.goThere}>
          {STRINGS.goThere}
        </button>
      )}
      {(view.canFollow || view.following) && (
        <button type="button" aria-pressed={view.following} onClick={view.toggleFollow}>
          {STRINGS.follow}
        </button>
      )}
    </section>
  )
}
