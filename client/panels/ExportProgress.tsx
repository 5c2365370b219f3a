import './export.css'

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

const STRINGS = {
  preparing: (label: string) => `Preparing the ${label} export…`,
  progress: (label: string, done: number, total: number) => `${label} export: ${done} of ${total} done`,
  bar: (label: string) => `${label} export progress`,
  cancel: 'Cancel',
  dismiss: 'Dismiss',
}

/**
 * Progress of a long export, in the page: a status message, a progress bar and Cancel; then what
 * came of it (a failure is an alert, and stays until dismissed).
 */
export function ExportProgress(props: { state: ExportStatus; onCancel: () => void; onDismiss: () => void }) {
  const { state } = props
  if (state.status === 'idle' || (state.status === 'running' && !state.shown)) return null
  if (state.status === 'failed') {
    return (
      <div className="export-progress export-failed">
        <p role="alert">{state.message}</p>
        <button type="button" onClick={props.onDismiss}>
          {STRINGS.dismiss}
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
        {known ? STRINGS.progress(state.label, state.done, state.total) : STRINGS.preparing(state.label)}
      </p>
      <div
        className="export-bar"
        role="progressbar"
        aria-label={STRINGS.bar(state.label)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
        aria-valuetext={known ? `${percent}%` : STRINGS.preparing(state.label)}
      >
        <div className="export-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" onClick={props.onCancel}>
        {STRINGS.cancel}
      </button>
    </div>
  )
}
