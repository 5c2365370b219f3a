import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/rooms'
import { useCopyNote } from '../pages/copyText'
import { renewLink } from './peopleApi'
import type { Facilitation } from './useFacilitation'

const RENEWABLE: readonly Role[] = ['participant', 'viewer', 'facilitator']

/** Room kept between the open panel and the window's edge (px). */
const EDGE = 8

/**
 * Shifts the open panel left as far as it would run past the window's right edge: on a laptop the
 * settings sit at the right end of the facilitator's bar, and the panel opens from there.
 */
function keepPanelInView(e: SyntheticEvent<HTMLDetailsElement>): void {
  const panel = e.currentTarget.querySelector<HTMLElement>('.session-settings-panel')
  if (!panel || !e.currentTarget.open) return
  panel.style.left = ''
  const box = panel.getBoundingClientRect()
  const over = box.right - (document.documentElement.clientWidth - EDGE)
  if (over > 0) panel.style.left = `${-Math.min(over, box.left - EDGE)}px`
}

/**
 * Settings that change how the board shows people (anonymity), who may change what (protection),
 * who gets in (Admit people), and the links themselves (a new link per role).
 */
export function SessionSettings({
  fac,
  session,
}: {
  fac: Facilitation
  session: { id: string; key: string }
}) {
  const { t } = useTranslation('facilitation')
  const protectHint = useId()
  const admitHint = useId()
  // Escape closes the settings, as it closes menus: focus goes back to their summary
  const closeOnEscape = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !e.currentTarget.open) return
    e.currentTarget.open = false
    e.currentTarget.querySelector('summary')?.focus()
  }
  return (
    <details className="session-settings" onKeyDown={closeOnEscape} onToggle={keepPanelInView}>
      <summary>{t('bar.settings')}</summary>
      <div className="session-settings-panel">
        <label>
          <input
            type="checkbox"
            checked={fac.state.anonymous}
            onChange={(e) => fac.session.setAnonymous(e.target.checked)}
          />
          {t('bar.anonymous')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={fac.protect}
            aria-describedby={protectHint}
            onChange={(e) => fac.session.setProtected(e.target.checked)}
          />
          {t('bar.protect')}
        </label>
        <span className="muted setting-hint" id={protectHint}>
          {t('bar.protectHint')}
        </span>
        <label>
          <input
            type="checkbox"
            checked={fac.admit}
            aria-describedby={admitHint}
            onChange={(e) => fac.session.setAdmitPeople(e.target.checked)}
          />
          {t('bar.admit')}
        </label>
        <span className="muted setting-hint" id={admitHint}>
          {t('bar.admitHint')}
        </span>
        <NewLinks session={session} />
      </div>
    </details>
  )
}

/** One button per role that replaces its link; the new link is shown with Copy. */
function NewLinks({ session }: { session: { id: string; key: string } }) {
  const { t } = useTranslation('facilitation')
  const hintId = useId()
  const titleId = useId()
  const [made, setMade] = useState<{ role: Role; url: string } | null>(null)
  const [message, setMessage] = useState('')
  const renew = (role: Role) => {
    setMessage('')
    renewLink(session.id, session.key, role).then(
      ({ link }) => {
        const url = new URL(link, window.location.origin).href
        setMade({ role, url })
        setMessage(t('bar.linkMade'))
        // This page's own address holds the old facilitator key: a reload or bookmark takes the new one.
        if (role === 'facilitator') window.history.replaceState(null, '', link)
      },
      (error: unknown) =>
        setMessage(
          t('bar.failed', {
            what: t(`bar.newLink.${role}`),
            why: error instanceof Error ? error.message : String(error),
          }),
        ),
    )
  }
  return (
    <div className="new-links" role="group" aria-labelledby={titleId} aria-describedby={hintId}>
      <span className="new-links-title" id={titleId}>
        {t('bar.links')}
      </span>
      <span className="muted setting-hint" id={hintId}>
        {t('bar.linksHint')}
      </span>
      {RENEWABLE.map((role) => (
        <button key={role} type="button" onClick={() => renew(role)}>
          {t(`bar.newLink.${role}`)}
        </button>
      ))}
      <p className="muted" aria-live="polite">
        {message}
      </p>
      {made && <NewLinkField key={made.url} label={t(`bar.linkLabel.${made.role}`)} url={made.url} />}
    </div>
  )
}

function NewLinkField({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation('facilitation')
  const id = useId()
  const field = useRef<HTMLInputElement>(null)
  const { note, copy } = useCopyNote(url, field, { copied: t('bar.copied'), failed: t('bar.copyFailed') })
  useEffect(() => field.current?.focus(), [])
  return (
    <div className="new-link-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={field} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={copy}>
        {t('bar.copy')}
      </button>
      <span className="copied" aria-live="polite">
        {note}
      </span>
    </div>
  )
}
