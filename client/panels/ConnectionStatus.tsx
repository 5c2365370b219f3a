export type LinkState = 'connected' | 'reconnecting' | 'offline'

const LABEL: Record<LinkState, string> = {
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
}

/** "Connected", "Reconnecting" or "Offline", plus how many local changes wait to be sent. */
export function statusText(state: LinkState, pending: number): string {
  if (pending === 0 || state === 'connected') return LABEL[state]
  return `${LABEL[state]} — ${pending} ${pending === 1 ? 'change' : 'changes'} waiting`
}

/** The connection badge; a live region, so a screen reader hears when the link drops or returns. */
export function ConnectionStatus(props: { state: LinkState; pending: number }) {
  return (
    <div className={`connection connection-${props.state}`}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status">{statusText(props.state, props.pending)}</span>
    </div>
  )
}
