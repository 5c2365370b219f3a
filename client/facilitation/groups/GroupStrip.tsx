import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../facilitation.css'
import './groups.css'
import { TimerDisplay } from '../TimerDisplay'
import type { Groups } from './useGroups'

/**
 * What a participant sees of small groups above the board: their group, its prompt and timer, a way
 * back to its space, the groups to choose from while the facilitator lets people choose, and what
 * they may do in others' spaces. Facilitators see every group in the Small groups panel instead.
 */
export function GroupStrip(props: {
  groups: Groups
  canvasId: string
  isFacilitator: boolean
  canWrite: boolean
  serverNow: () => number
  onOpen: (canvas: string) => void
  /** The report-back canvas's name, once the groups are back. */
  reportName: string
}) {
  const { t } = useTranslation('groups')
  const { groups, canvasId } = props
  const { state, mine } = groups
  const [failed, setFailed] = useState<string | null>(null)
  if (state.phase === 'back') {
    const report = state.report
    return (
      <p className="banner group-back" aria-live="polite">
        {t('strip.back', { canvas: props.reportName })}{' '}
        {report && report !== canvasId && (
          <button type="button" onClick={() => props.onOpen(report)}>
            {t('run.goReport')}
          </button>
        )}
      </p>
    )
  }
  if (state.phase !== 'running' || props.isFacilitator || !props.canWrite) return null
  const choose = (group: string) => {
    setFailed(null)
    groups.choose(group).catch((err: Error) => setFailed(err.message))
  }
  return (
    <section className="group-strip" aria-label={t('strip.region')}>
      <p className="group-mine" aria-live="polite">
        <strong>{mine ? t('strip.yours', { name: mine.name }) : t('strip.noGroup')}</strong>
        {mine?.prompt && (
          <span className="group-prompt" title={mine.prompt}>
            {mine.prompt}
          </span>
        )}
        {!mine && !state.choose && <span className="muted"> {t('strip.waitForGroup')}</span>}
      </p>
      {mine?.timer && <TimerDisplay timer={mine.timer} serverNow={props.serverNow} />}
      {mine && mine.canvas !== canvasId && (
        <button type="button" onClick={() => props.onOpen(mine.canvas)}>
          {t('strip.goMine')}
        </button>
      )}
      {state.choose && (
        <div role="group" aria-label={t('strip.chooseLead')} className="group-choices">
          <span>{t('strip.chooseLead')}</span>
          {state.groups.map((g) => (
            <button key={g.id} type="button" aria-pressed={mine?.id === g.id} onClick={() => choose(g.id)}>
              {mine?.id === g.id ? t('strip.joined', { name: g.name }) : t('strip.join', { name: g.name })}
            </button>
          ))}
        </div>
      )}
      <span className="muted group-rule">{state.visit ? t('strip.visiting') : t('strip.closed')}</span>
      {failed && (
        <p role="alert" className="banner error">
          {t('strip.chooseFailed', { reason: failed })}
        </p>
      )}
    </section>
  )
}

/**
 * The facilitator's one message to all groups, as a banner for everyone (an alert, so screen readers
 * say it at once); each person can dismiss it, and a new message shows again.
 */
export function GroupMessage(props: { groups: Groups }) {
  const { t } = useTranslation('groups')
  const message = props.groups.state.message
  const [dismissed, setDismissed] = useState<number | null>(null)
  const shown = message && message.at !== dismissed && props.groups.state.phase !== 'none' ? message : null
  return (
    <div className="group-message-region" role="alert">
      {shown && (
        <p className="banner group-message">
          <span>{t('strip.message', { text: shown.text })}</span>
          <button type="button" onClick={() => setDismissed(shown.at)}>
            {t('strip.dismiss')}
          </button>
        </p>
      )}
    </div>
  )
}
