import type { Facilitation } from './useFacilitation'
import type { ViewSync } from './useViewSync'
import { TimerDisplay } from './TimerDisplay'
import { useShownText } from './useShownText'
import { useCutText } from './useCutText'
import { useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** The strip's words that are cut with "…" when there is no room for them (a phone above all). */
const CUTTABLE = '.prompt-banner, .prompt-step, .strip-notices > .banner'

/**
 * What everyone sees of the facilitation above the board: the lock, the step and its prompt, the
 * timer, private writing and voting, and ways to go where the group is. Where the step's words or a
 * notice are cut with "…" (one line each on a phone), Show all (or a tap on the words) shows them
 * whole, wrapped, until Show all is pressed again.
 */
export function FacilitationStrip(props: {
  fac: Facilitation
  view: ViewSync
  /** Opens the Results panel (its header button is behind Menu on a tablet or a phone). */
  onShowResults?: () => void
}) {
  const { t } = useTranslation('facilitation')
  const { fac, view } = props
  const { state, step } = fac
  const shown = useShownText(fac.langs)
  const title = step ? shown(step.titles) : null
  const prompt = step ? shown(step.prompts) : null
  const hasResults = Object.keys(state.results).length > 0
  const strip = useRef<HTMLElement>(null)
  const [whole, setWhole] = useState(false)
  const cut = useCutText(strip, CUTTABLE)
  // a tap on cut words shows them whole (the Show all button is the way for keyboards and screen readers)
  const showWhole = (e: MouseEvent<HTMLElement>): void => {
    // a button among the words (Show the votes) does its own thing
    if ((e.target as HTMLElement).closest('button')) return
    if (cut && !whole) setWhole(true)
  }
  return (
    <section
      ref={strip}
      className={whole ? 'facilitation-strip whole' : 'facilitation-strip'}
      aria-label={t('strip.region')}
    >
      {title && prompt && (
        <p className="prompt-banner" aria-live="polite" title={prompt.text} onClick={showWhole}>
          <span className="prompt-step">
            {/* the title ends the sentence in every language; in its own element for its `lang` */}
            {t('strip.step', { n: state.step + 1, of: fac.agenda.length, title: '' })}
            <span lang={title.lang}>{title.text}</span>
          </span>
          {step?.mode === 'private' && <span className="chip step-mode">{t('strip.stepPrivate')}</span>}
          {prompt.text && (
            <span className="prompt-text" lang={prompt.lang}>
              {prompt.text}
            </span>
          )}
        </p>
      )}
      {(cut || whole) && (
        <button type="button" className="strip-whole" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? t('strip.showLess') : t('strip.showAll')}
        </button>
      )}
      {/* the timer and where the group is, on the first row beside the step; the notices after */}
      {state.timer && <TimerDisplay timer={state.timer} serverNow={fac.serverNow} />}
      {view.canGoThere && !view.following && (
        <button type="button" onClick={view.goThere}>
          {t('strip.goThere')}
        </button>
      )}
      {view.following && view.leaderName && (
        <span className="muted following">{t('strip.following', { name: view.leaderName })}</span>
      )}
      {view.canFollow && (
        <button type="button" aria-pressed={view.following} onClick={view.toggleFollow}>
          {t('strip.follow')}
        </button>
      )}
      <div aria-live="polite" className="strip-notices" onClick={showWhole}>
        {fac.locked && <p className="banner locked-banner">{t('strip.locked')}</p>}
        {fac.protect && fac.canWrite && !fac.isFacilitator && (
          <p className="banner protected-banner">{t('strip.protected')}</p>
        )}
        <PrivateWritingStatus fac={fac} />
        {state.mode === 'voting' && (
          <p className="banner voting-banner">
            {fac.canWrite ? t('strip.votesLeft', { n: fac.votesLeft }) : t('strip.voting')}
          </p>
        )}
        {state.mode !== 'voting' && hasResults && (
          <p className="banner results-banner">
            {t('strip.results')}
            {props.onShowResults && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={props.onShowResults}>
                  {t('strip.showVotes')}
                </button>
              </>
            )}
          </p>
        )}
      </div>
    </section>
  )
}

/**
 * Private writing says plainly whether it is on and who started it, so nobody believes they write
 * privately when they do not. Once it has been used, "off" is said too, with what became of the
 * notes written privately (they stay private until the facilitator reveals them).
 */
function PrivateWritingStatus({ fac }: { fac: Facilitation }) {
  const { t } = useTranslation('facilitation')
  const { mode, privateBy } = fac.state
  const writer = fac.canWrite && !fac.isFacilitator
  // a facilitator is told how many write privately, and how many notes wait for Reveal
  const { people, notes } = fac.privateWriting
  const counted = {
    people: t('strip.people', { count: people }),
    notes: t('strip.notes', { count: notes }),
  }
  if (mode === 'private') {
    return (
      <p className="banner private-banner">
        <strong>{privateBy ? t('strip.privateOnBy', { name: privateBy }) : t('strip.privateOn')}</strong>{' '}
        {fac.isFacilitator && <span>{t('strip.writing', counted)} </span>}
        {fac.isFacilitator ? t('strip.privateOnFacilitator') : writer ? t('strip.privateOnParticipant') : ''}
      </p>
    )
  }
  const waiting = fac.isFacilitator && notes > 0
  if (!privateBy && fac.myPrivateNotes === 0 && !waiting) return null
  return (
    <p className="banner private-off-banner">
      <strong>{t('strip.privateOff')}</strong>
      {writer && fac.myPrivateNotes > 0 && <> {t('strip.privateKept', { count: fac.myPrivateNotes })}</>}
      {waiting && <> {t('strip.stillPrivate', { notes: counted.notes })}</>}
    </p>
  )
}
