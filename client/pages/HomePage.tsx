import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { ContrastToggle } from '../a11y/ContrastToggle'
import { LIMITS } from '../../shared/schema/limits'
import { ApiError, createSession, fetchTemplates, type CreatedSession, type TemplateSummary } from '../api'
import { SessionLinks } from './SessionLinks'

type Templates =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; list: TemplateSummary[] }

/** Home: pick a template, name the session, create it, and share its links. */
export function HomePage() {
  const [templates, reload] = useTemplates()
  const [template, setTemplate] = useState('')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedSession | null>(null)
  const chosen = template || (templates.status === 'ready' ? (templates.list[0]?.id ?? '') : '')
  const description =
    templates.status === 'ready' ? templates.list.find((t) => t.id === chosen)?.description : ''

  useEffect(() => {
    document.title = 'Workshop whiteboard'
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim())
      return setError('Give the session a title, so people know they are in the right place.')
    setBusy(true)
    setError(null)
    try {
      setCreated(await createSession(chosen, title.trim()))
    } catch (err) {
      setError(`The session could not be created: ${err instanceof ApiError ? err.message : String(err)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page home">
      <header className="page-header">
        <ContrastToggle />
        <h1>Workshop whiteboard</h1>
        <p className="lead">
          A shared board for community sense-making: notes, themes and actions, together.
        </p>
      </header>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="create-heading">
        <h2 id="create-heading">Start a session</h2>
        <label htmlFor="template">Template</label>
        {templates.status === 'error' ? (
          <p className="error" role="alert">
            {templates.message}{' '}
            <button type="button" onClick={reload}>
              Try again
            </button>
          </p>
        ) : null}
        <select
          id="template"
          value={chosen}
          disabled={templates.status !== 'ready'}
          aria-describedby="template-description"
          onChange={(e) => setTemplate(e.target.value)}
        >
          {templates.status === 'loading' && <option value="">Loading templates…</option>}
          {templates.status === 'ready' &&
            templates.list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
        </select>
        <p className="hint" id="template-description">
          {description}
        </p>
        <label htmlFor="session-title">Session title</label>
        <input
          id="session-title"
          type="text"
          value={title}
          maxLength={LIMITS.titleMax}
          placeholder="e.g. Neighbourhood food stories"
          onChange={(e) => setTitle(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || templates.status !== 'ready'}>
          {busy ? 'Creating…' : 'Create session'}
        </button>
      </form>
      {created && <SessionLinks session={created} />}
    </main>
  )
}

/** Loads the templates, with a way to try again after a failure. */
function useTemplates(): [Templates, () => void] {
  const [state, setState] = useState<Templates>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    fetchTemplates().then(
      (list) => live && setState({ status: 'ready', list }),
      (err: unknown) =>
        live &&
        setState({
          status: 'error',
          message: `The templates could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
        }),
    )
    return () => {
      live = false
    }
  }, [attempt])
  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  return [state, reload]
}
