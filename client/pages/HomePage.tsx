import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UiLang } from '../../shared/lang'
import { ContrastToggle } from '../a11y/ContrastToggle'
import { LIMITS } from '../../shared/schema/limits'
import { ApiError, createSession, fetchTemplates, type CreatedSession, type TemplateSummary } from '../api'
import { currentLanguage } from '../i18n'
import { rememberedTemplates } from '../savedTemplates'
import { LanguageSelect } from '../i18n/LanguageSelect'
import { ImportSession } from './ImportSession'
import { SessionLanguages } from './SessionLanguages'
import { SessionLinks } from './SessionLinks'

type Templates =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  // `list`: the server's (built-in and published) then those saved on this device (`onDevice` of them)
  | { status: 'ready'; list: TemplateSummary[]; onDevice: TemplateSummary[] }

/** Home: pick a template, name the session, create it, and share its links. */
export function HomePage() {
  const { t, i18n } = useTranslation(['pages', 'common'])
  const lang = currentLanguage()
  const [templates, reload] = useTemplates(lang)
  const [template, setTemplate] = useState('')
  const [title, setTitle] = useState('')
  // unset until chosen: the main language follows the interface's until then
  const [langs, setLangs] = useState<readonly UiLang[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedSession | null>(null)
  const chosen = template || (templates.status === 'ready' ? (templates.list[0]?.id ?? '') : '')
  const description =
    templates.status === 'ready' ? templates.list.find((t) => t.id === chosen)?.description : ''

  useEffect(() => {
    document.title = t('common:appName')
  }, [t, i18n.language])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError(t('home.needTitle'))
    setBusy(true)
    setError(null)
    try {
      // The session's commitments and prompts come in its languages (the creator's by default).
      setCreated(await createSession(chosen, title.trim(), langs ?? [lang]))
    } catch (err) {
      setError(t('home.createFailed', { reason: err instanceof ApiError ? err.message : String(err) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page home">
      <header className="page-header">
        <LanguageSelect className="page-language" />
        <ContrastToggle />
        <h1>{t('common:appName')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </header>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="create-heading">
        <h2 id="create-heading">{t('home.start')}</h2>
        <label htmlFor="template">{t('home.template')}</label>
        {templates.status === 'error' ? (
          <p className="error" role="alert">
            {templates.message}{' '}
            <button type="button" onClick={reload}>
              {t('common:tryAgain')}
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
          {templates.status === 'loading' && <option value="">{t('home.loadingTemplates')}</option>}
          {templates.status === 'ready' &&
            templates.list
              .filter((o) => !templates.onDevice.includes(o))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
          {templates.status === 'ready' && templates.onDevice.length > 0 && (
            <optgroup label={t('home.savedOnDevice')}>
              {templates.onDevice.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <p className="hint" id="template-description">
          {description}
        </p>
        <label htmlFor="session-title">{t('home.sessionTitle')}</label>
        <input
          id="session-title"
          type="text"
          value={title}
          maxLength={LIMITS.titleMax}
          placeholder={t('home.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SessionLanguages langs={langs ?? [lang]} onChange={setLangs} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || templates.status !== 'ready'}>
          {busy ? t('home.creating') : t('home.create')}
        </button>
      </form>
      <ImportSession onImported={setCreated} />
      {created && <SessionLinks session={created} />}
    </main>
  )
}

/** Loads the templates in the page's language, with a way to try again after a failure. */
function useTemplates(lang: UiLang): [Templates, () => void] {
  const { t } = useTranslation(['pages', 'common'])
  const [state, setState] = useState<Templates>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    fetchTemplates(lang).then(
      (offered) => {
        if (!live) return
        // saved from a session on this device and not (yet) published for everyone
        const onDevice = rememberedTemplates().filter((r) => !offered.some((o) => o.id === r.id))
        setState({ status: 'ready', list: [...offered, ...onDevice], onDevice })
      },
      (err: unknown) =>
        live &&
        setState({
          status: 'error',
          message: t('home.templatesFailed', { reason: err instanceof Error ? err.message : String(err) }),
        }),
    )
    return () => {
      live = false
    }
  }, [attempt, lang, t])
  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  return [state, reload]
}
