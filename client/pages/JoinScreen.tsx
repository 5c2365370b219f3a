import { ContrastToggle } from '../a11y/ContrastToggle'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api'
import type { Role } from '../../shared/rooms'
import { LIMITS } from '../../shared/schema/limits'
import { rememberedName } from '../device'
import type { CommitmentAnswer } from '../facilitation/facilitationApi'
import { LanguageSelect } from '../i18n/LanguageSelect'
import { Commitments } from '../panels/Commitments'
import type { SessionCommitments } from '../state'

export interface JoinScreenProps {
  readonly title: string
  readonly role: Role
  readonly commitments: SessionCommitments
  readonly commitmentsLoading: boolean
  /** Joins with the person's name and their answer to the commitments (rejects with why it failed). */
  readonly onJoin: (name: string, answer: CommitmentAnswer) => Promise<void>
}

/** Before the board: the session's commitments, your name, and an answer that joins. */
export function JoinScreen(props: JoinScreenProps) {
  const { t } = useTranslation(['pages', 'common'])
  const [name, setName] = useState(rememberedName)
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (busy) return
    const trimmed = name.trim()
    if (!trimmed) return setError(t('join.needName'))
    setError(null)
    setFailure(null)
    setBusy(true)
    // Enter in the name field submits with the first button: agreeing.
    const submitter = (e.nativeEvent as SubmitEvent).submitter
    props
      .onJoin(trimmed, submitter?.getAttribute('value') === 'discuss' ? 'discuss' : 'agree')
      .catch((err: unknown) => {
        setBusy(false)
        setFailure(
          err instanceof ApiError && err.status === 409
            ? t('join.nameTaken', { name: trimmed })
            : t('join.failed', { reason: err instanceof Error ? err.message : String(err) }),
        )
      })
  }
  return (
    <main className="page join">
      <header className="page-header">
        <LanguageSelect className="page-language" />
        <ContrastToggle />
        <p className="eyebrow">{t('join.eyebrow')}</p>
        <h1>{props.title || t('common:untitledSession')}</h1>
        <p className="lead">{t(`join.role.${props.role}`)}</p>
      </header>
      <div className="card">
        <Commitments commitments={props.commitments} loading={props.commitmentsLoading} />
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <label htmlFor="your-name">{t('join.name')}</label>
        <input
          id="your-name"
          type="text"
          value={name}
          maxLength={LIMITS.nameMax}
          autoComplete="nickname"
          aria-describedby={error ? 'name-error' : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error && (
          <p className="error" id="name-error" role="alert">
            {error}
          </p>
        )}
        <p className="muted" id="answer-hint">
          {t('join.answerHint')}
        </p>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        {busy && (
          <p className="muted" role="status">
            {t('join.joining')}
          </p>
        )}
        <div className="join-answers">
          <button type="submit" className="primary" value="agree" aria-describedby="answer-hint">
            {t('join.agree')}
          </button>
          <button type="submit" value="discuss" aria-describedby="answer-hint">
            {t('join.discuss')}
          </button>
        </div>
      </form>
    </main>
  )
}
