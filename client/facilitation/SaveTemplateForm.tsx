import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** A template saved from this session, as the form lists it. */
interface SavedHere {
  readonly id: string
  readonly title: string
  readonly published: boolean
}

/**
 * A facilitator names the session's set-up and saves it as a template for next time. Saved
 * templates are private to the session's facilitators until the operator publishes them: the form
 * lists those saved from this session (and listing them remembers them on this device).
 */
export function SaveTemplateForm(props: {
  onSave: (title: string) => Promise<{ title: string }>
  onList: () => Promise<readonly SavedHere[]>
}) {
  const { t } = useTranslation('facilitation')
  const headingId = useId()
  const listId = useId()
  const [title, setTitle] = useState('')
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' } | { kind: 'done' | 'error'; message: string }
  >({
    kind: 'idle',
  })
  const [saved, setSaved] = useState<readonly SavedHere[]>([])
  // the panel re-renders with a new function each time: list once on mount and after each save
  const list = useRef(props.onList)
  list.current = props.onList
  const refresh = () =>
    void list
      .current()
      .then(setSaved)
      .catch(() => {})
  useEffect(refresh, [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim() || state.kind === 'saving') return
    setState({ kind: 'saving' })
    props.onSave(title.trim()).then(
      (done) => {
        setState({ kind: 'done', message: t('saveTemplate.saved', { title: done.title }) })
        refresh()
      },
      (err: unknown) =>
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    )
  }
  return (
    <form className="save-template" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{t('saveTemplate.heading')}</h3>
      <p className="muted">{t('saveTemplate.explain')}</p>
      <label>
        {t('saveTemplate.name')}
        <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" disabled={state.kind === 'saving'}>
        {state.kind === 'saving' ? t('saveTemplate.saving') : t('saveTemplate.save')}
      </button>
      {state.kind === 'done' && <p role="status">{state.message}</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
      {saved.length > 0 && (
        <>
          <h4 id={listId}>{t('saveTemplate.listHeading')}</h4>
          <ul aria-labelledby={listId}>
            {saved.map((s) => (
              <li key={s.id}>
                {s.title} — {s.published ? t('saveTemplate.published') : t('saveTemplate.private')}
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  )
}
