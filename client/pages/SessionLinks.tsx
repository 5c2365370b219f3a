import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreatedSession } from '../api'
import { useCopyNote } from './copyText'

const ROLES = ['facilitator', 'participant', 'viewer'] as const

/** The three links of a new session, each as a full URL with a Copy button. */
export function SessionLinks({ session }: { session: CreatedSession }) {
  const { t } = useTranslation('pages')
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Screen-reader and keyboard users land on the result, not back at the top of the form.
  useEffect(() => headingRef.current?.focus(), [session.id])
  const absolute = (path: string) => new URL(path, window.location.origin).href
  return (
    <section className="card links" aria-labelledby="links-heading">
      <h2 id="links-heading" ref={headingRef} tabIndex={-1}>
        {t('links.ready')}
      </h2>
      {ROLES.map((role) => (
        <LinkRow
          key={role}
          label={t(`links.${role}`)}
          hint={t(`links.${role}Hint`)}
          url={absolute(session.links[role])}
        />
      ))}
      <p>
        <a className="button primary" href={session.links.facilitator}>
          {t('links.open')}
        </a>
      </p>
    </section>
  )
}

function LinkRow({ label, hint, url }: { label: string; hint: string; url: string }) {
  const { t } = useTranslation('pages')
  const id = useId()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { note, copy } = useCopyNote(url, fieldRef, {
    copied: t('links.copied'),
    failed: t('links.copyFailed'),
  })
  return (
    <div className="link-row" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="link-field">
        <input
          id={id}
          ref={fieldRef}
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={copy}>
          {t('links.copy')}
        </button>
        <span className="copied" role="status">
          {note}
        </span>
      </div>
    </div>
  )
}
