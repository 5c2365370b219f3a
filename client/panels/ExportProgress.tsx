import './export.css'
import { useTranslation } from 'react-i18next'

/** Where an export stands, as a plain snapshot. */
export type ExportStatus =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running'
      readonly label: string
      readonly done: number
      /** 0 while the amount of work is not known yet. */
      readonly total: number
      /** False for the first moment, so quick exports do not flash a progress bar. */
      readonly shown: boolean
    }
  | { readonly status: 'done' | 'cancelled' | 'failed'; readonly message: string }

/**
 * Progress of a long export, in the page: a status message, a progress bar and Cancel; then what
 * came of it (a failure is an alert, and stays until dismissed).
 */
export function ExportProgress(props: { state: ExportStatus; onCancel: () => void; onDismiss: () => void }) {
  const { t } = useTranslation(['panels', 'common'])
  const { state } = props
  if (state.status === 'idle' || (state.status === 'running' && !state.shown)) return null
  if (state.status === 'failed') {
    return (
      <div className="export-progress export-failed">
        <p role="alert">{state.message}</p>
        <button type="button" onClick={props.onDismiss}>
          {t('exportProgress.dismiss')}
        </button>
      </div>
    )
  }
  if (state.status !== 'running') {
    return (
      <div className="export-progress">
        <p role="status">{state.message}</p>
      </div>
    )
  }
  const known = state.total > 0
  const percent = known ? Math.round((state.done / state.total) * 100) : 0
  return (
    <div className="export-progress">
      <p role="status">
        {known
          ? t('exportProgress.progress', { label: state.label, done: state.done, total: state.total })
          : t('exportProgress.preparing', { label: state.label })}
      </p>
      <div
        className="export-bar"
        role="progressbar"
        aria-label={t('exportProgress.bar', { label: state.label })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
        aria-valuetext={known ? `${percent}%` : t('exportProgress.preparing', { label: state.label })}
      >
        <div className="export-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={props.onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  )
}
