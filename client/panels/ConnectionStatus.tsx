import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'

export type LinkState = 'connected' | 'reconnecting' | 'offline'

/** "Connected", "Reconnecting" or "Offline", plus how many local changes wait to be sent. */
export function statusText(state: LinkState, pending: number): string {
  const label = i18n.t(`panels:connection.${state}`)
  if (pending === 0 || state === 'connected') return label
  return i18n.t('panels:connection.waiting', { state: label, count: pending })
}

/** The connection badge; a live region, so a screen reader hears when the link drops or returns. */
export function ConnectionStatus(props: { state: LinkState; pending: number }) {
  useTranslation() // re-render when the language changes
  return (
    <div className={`connection connection-${props.state}`}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status">{statusText(props.state, props.pending)}</span>
    </div>
  )
}
