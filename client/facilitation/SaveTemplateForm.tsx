import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** A facilitator names the session's set-up and saves it as a template for next time. */
export function SaveTemplateForm(props: { onSave: (title: string) => Promise<{ title: string }> }) {
  const { t } = useTranslation('facilitation')
  const headingId = useId()
  const [title, setTitle] = useState('')
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' } | { kind: 'done' | 'error'; message: string }
  >({
    kind: 'idle',
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim() || state.kind === 'saving') return
    setState({ kind: 'saving' })
    props.onSave(title.trim()).then(
      (saved) => setState({ kind: 'done', message: t('saveTemplate.saved', { title: saved.title }) }),
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
    </form>
  )
}
