import { useTranslation } from 'react-i18next'
import type { PendingThings, ThingKind } from '../../shared/schema/changes'
import { i18n } from '../i18n'

export type LinkState = 'connected' | 'reconnecting' | 'offline'

/** The order kinds are named in: what people write most comes first; "other changes" last. */
const ORDER: readonly ThingKind[] = ['sticky', 'text', 'image', 'stroke', 'shape', 'frame', 'recipe', 'other']

/** "Connected", "Reconnecting" or "Offline", plus what waits to be sent: "Offline — 2 notes wait to be sent". */
export function statusText(state: LinkState, pending: PendingThings): string {
  const label = i18n.t(`panels:connection.${state}`)
  if (pending.total === 0 || state === 'connected') return label
  const parts = ORDER.flatMap((kind) => {
    const count = pending.byKind[kind] ?? 0
    return count > 0 ? [i18n.t(`panels:connection.things.${kind}`, { count })] : []
  })
  const things = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts)
  return i18n.t('panels:connection.waiting', { state: label, things, count: pending.total })
}

/**
 * The connection badge; a live region, so a screen reader hears when the link drops or returns.
 * While all is well it is a green dot (its word is for screen readers and the tooltip), as in the
 * whiteboards people know: the header's room goes to the canvas tabs, and the word shows when the
 * link is reconnecting or offline.
 */
export function ConnectionStatus(props: { state: LinkState; pending: PendingThings }) {
  useTranslation() // re-render when the language changes
  const text = statusText(props.state, props.pending)
  const quiet = props.state === 'connected'
  return (
    <div className={`connection connection-${props.state}`} title={quiet ? text : undefined}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" className={quiet ? 'visually-hidden' : undefined}>
        {text}
      </span>
    </div>
  )
}
