import type { Facilitation } from './useFacilitation'
import type { ViewSync } from './useViewSync'
import { TimerDisplay } from './TimerDisplay'
import { useShownText } from './useShownText'
import { useTranslation } from 'react-i18next'

/**
 * What everyone sees of the facilitation above the board: the lock, the step and its prompt, the
 * timer, private writing and voting, and ways to go where the group is.
 */
export function FacilitationStrip(props: { fac: Facilitation; view: ViewSync }) {
  const { t } = useTranslation('facilitation')
  const { fac, view } = props
  const { state, step } = fac
  const shown = useShownText(fac.langs)
  const title = step ? shown(step.titles) : null
  const prompt = step ? shown(step.prompts) : null
  const hasResults = Object.keys(state.results).length > 0
  return (
    <section className="facilitation-strip" aria-label={t('strip.region')}>
      {title && prompt && (
        <p className="prompt-banner" aria-live="polite" title={prompt.text}>
          <span className="prompt-step">
            {/* the title ends the sentence in every language; in its own element for its `lang` */}
            {t('strip.step', { n: state.step + 1, of: fac.agenda.length, title: '' })}
            <span lang={title.lang}>{title.text}</span>
          </span>
          {prompt.text && (
            <span className="prompt-text" lang={prompt.lang}>
              {prompt.text}
            </span>
          )}
        </p>
      )}
      <div aria-live="polite" className="strip-notices">
        {fac.locked && <p className="banner locked-banner">{t('strip.locked')}</p>}
        {state.mode === 'private' && (
          <p className="banner private-banner">
            {fac.isFacilitator ? t('strip.privateWritingFacilitator') : t('strip.privateWriting')}
          </p>
        )}
        {state.mode === 'voting' && (
          <p className="banner voting-banner">
            {fac.canWrite ? t('strip.votesLeft', { n: fac.votesLeft }) : t('strip.voting')}
          </p>
        )}
        {state.mode !== 'voting' && hasResults && <p className="banner">{t('strip.results')}</p>}
      </div>
      {state.timer && <TimerDisplay timer={state.timer} serverNow={fac.serverNow} />}
      {view.canGoThere && (
        <button type="button" onClick={view.goThere}>
          {t('strip.goThere')}
        </button>
      )}
      {(view.canFollow || view.following) && (
        <button type="button" aria-pressed={view.following} onClick={view.toggleFollow}>
          {t('strip.follow')}
        </button>
      )}
    </section>
  )
}
