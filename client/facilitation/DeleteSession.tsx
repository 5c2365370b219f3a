import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { deleteSession } from '../api'
import { markSessionDeleted } from '../pages/deletedSessions'

interface SessionRef {
  readonly id: string
  readonly key: string
  readonly title?: string
}

/** "Delete session": asks first, in a dialog that names the session, then deletes it for everyone. */
export function DeleteSession({ session }: { session: SessionRef }) {
  const { t } = useTranslation('facilitation')
  const [asking, setAsking] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  // back where the person was, once the dialog has closed (inside it, the rest of the page is inert)
  useEffect(() => {
    if (wasAsking.current && !asking) opener.current?.focus()
    wasAsking.current = asking
  }, [asking])
  const close = () => setAsking(false)
  return (
    <>
      <button type="button" className="danger" ref={opener} onClick={() => setAsking(true)}>
        {t('deleteSession.open')}
      </button>
      {/* in the body, not the bar: the bar's one-line layout must not reach into the dialog */}
      {asking && createPortal(<DeleteSessionDialog session={session} onCancel={close} />, document.body)}
    </>
  )
}

/** Tab from the last control comes back to the first (and Shift+Tab the other way), not to the browser's bar. */
function keepTabInside(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')]
  const first = controls[0]
  const last = controls[controls.length - 1]
  if (!first || !last) return
  const at = document.activeElement
  if (!e.shiftKey && at === last) first.focus()
  else if (e.shiftKey && at === first) last.focus()
  else return
  e.preventDefault()
}

/**
 * A native modal dialog: focus stays inside it and Escape cancels; focus starts on the safe choice.
 * Once the server has deleted the session the page says so (the relay closes everyone's sockets).
 */
function DeleteSessionDialog({ session, onCancel }: { session: SessionRef; onCancel: () => void }) {
  const { t } = useTranslation(['facilitation', 'common'])
  const ref = useRef<HTMLDialogElement>(null)
  const keepRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    keepRef.current?.focus()
    return () => dialog.close()
  }, [])
  const confirm = () => {
    setBusy(true)
    setError('')
    deleteSession(session.id, session.key).then(
      () => markSessionDeleted(session.id),
      (err: unknown) => {
        setBusy(false)
        setError(t('deleteSession.failed', { reason: err instanceof Error ? err.message : String(err) }))
      },
    )
  }
  const title = session.title || t('common:untitledSession')
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape closes a native dialog: treat it as "keep" (unless the deletion is already under way).
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) onCancel()
      }}
      onKeyDown={keepTabInside}
    >
      <h2 id={titleId}>{t('deleteSession.title', { title })}</h2>
      <p id={bodyId}>{t('deleteSession.body')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" ref={keepRef} disabled={busy} onClick={onCancel}>
          {t('deleteSession.keep')}
        </button>
        <button type="button" className="danger-solid" disabled={busy} onClick={confirm}>
          {busy ? t('deleteSession.deleting') : t('deleteSession.confirm')}
        </button>
      </div>
    </dialog>
  )
}
