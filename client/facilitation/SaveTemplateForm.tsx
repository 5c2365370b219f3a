import { useId, useState, type FormEvent } from 'react'

const STRINGS = {
  heading: 'Save as a template',
  explain:
    'Keeps the Community Commitments, canvases, frames and agenda for your next session. Notes stay here.',
  name: 'Template name',
  save: 'Save as template',
  saving: 'Saving…',
  saved: (title: string) => `Saved “${title}”. It is now offered on the home page.`,
}

/** A facilitator names the session's set-up and saves it as a template for next time. */
export function SaveTemplateForm(props: { onSave: (title: string) => Promise<{ title: string }> }) {
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
      (saved) => setState({ kind: 'done', message: STRINGS.saved(saved.title) }),
      (err: unknown) =>
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    )
  }
  return (
    <form className="save-template" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{STRINGS.heading}</h3>
      <p className="muted">{STRINGS.explain}</p>
      <label>
        {STRINGS.name}
        <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" disabled={state.kind === 'saving'}>
        {state.kind === 'saving' ? STRINGS.saving : STRINGS.save}
      </button>
      {state.kind === 'done' && <p role="status">{state.message}</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </form>
  )
}
