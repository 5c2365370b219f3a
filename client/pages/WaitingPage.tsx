import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, fetchMe, isRemovedError } from '../api'
import { LanguageSelect } from '../i18n/LanguageSelect'

/** How often the waiting page asks whether the person has been admitted. */
export const WAITING_POLL_MS = 2000

/**
 * The lobby as the waiting person sees it: who they are, that they wait to be admitted (a polite live
 * region, said once), and nothing else. It asks the server every two seconds; once the person is
 * admitted the board opens by itself, and a removal shows the removed page.
 */
export function WaitingPage(props: {
  sessionId: string
  token: string
  name: string
  title: string
  onAdmitted: (name: string) => void
  onRemoved: () => void
  /** The server no longer knows the token (a deleted person): join again. */
  onUnknown: () => void
}) {
  const { t, i18n } = useTranslation(['pages', 'common'])
  const { sessionId, token, onAdmitted, onRemoved, onUnknown } = props
  const [unreachable, setUnreachable] = useState(false)
  useEffect(() => {
    document.title = t('common:pageTitle', { title: t('waiting.title') })
  }, [t, i18n.language])
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      fetchMe(sessionId, token).then(
        (me) => {
          if (!live) return
          setUnreachable(false)
          if (me.status === 'admitted') return onAdmitted(me.name)
          if (me.status === 'removed') return onRemoved()
          timer = setTimeout(check, WAITING_POLL_MS)
        },
        (err: unknown) => {
          if (!live) return
          if (isRemovedError(err)) return onRemoved()
          if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return onUnknown()
          setUnreachable(true)
          timer = setTimeout(check, WAITING_POLL_MS)
        },
      )
    }
    timer = setTimeout(check, WAITING_POLL_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [sessionId, token, onAdmitted, onRemoved, onUnknown])
  return (
    <main className="page message waiting">
      <header className="page-header">
        <LanguageSelect className="page-language" />
      </header>
      <div className="card">
        <p className="eyebrow">{props.title || t('common:untitledSession')}</p>
        <h1>{t('waiting.title')}</h1>
        <p role="status" aria-live="polite">
          {t('waiting.body', { name: props.name })}
        </p>
        {unreachable && <p className="muted">{t('waiting.cannotCheck')}</p>}
      </div>
    </main>
  )
}
