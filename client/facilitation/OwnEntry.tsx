import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../shared/schema/limits'
import { ApiError } from '../api'
import type { CommitmentAnswer } from './facilitationApi'
import { RemoveMine } from './RemoveMine'
import type { Facilitation } from './useFacilitation'

/** This person as they joined: the name others see, their answer, and a way to change the name. */
export interface Me {
  readonly name: string
  /** Their answer to the commitments; null for a facilitator (whose answer is not counted). */
  readonly answer: CommitmentAnswer | null
  /** Resolves once the server has the new name (the board then credits it); rejects if not saved. */
  readonly onRename: (name: string) => Promise<void>
}

/** What a person can do about themselves, in their own entry in People. */
export function OwnEntry({ fac, me }: { fac: Facilitation; me: Me }) {
  const { t } = useTranslation('facilitation')
  return (
    <>
      {me.answer && (
        <p className="muted own-answer">{me.answer === 'agree' ? t('own.agreed') : t('own.discuss')}</p>
      )}
      <ChangeName me={me} />
      {fac.canWrite && <RemoveMine fac={fac} heading={false} />}
    </>
  )
}

function ChangeName({ me }: { me: Me }) {
  const { t } = useTranslation(['facilitation', 'common'])
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState('')
  const field = useRef<HTMLInputElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const editing = draft !== null
  useEffect(() => {
    if (editing) field.current?.focus()
  }, [editing])
  const close = () => {
    setDraft(null)
    setError('')
    // the opener comes back on the next render: focus it then
    requestAnimationFrame(() => opener.current?.focus())
  }
  const [saving, setSaving] = useState(false)
  const save = (e: FormEvent) => {
    e.preventDefault()
    if (saving) return
    const name = (draft ?? '').trim()
    if (!name) return setError(t('own.needName'))
    if (name === me.name) return close()
    setSaving(true)
    me.onRename(name).then(
      () => {
        setSaving(false)
        close()
      },
      (err: unknown) => {
        setSaving(false)
        setError(
          err instanceof ApiError && err.status === 409 ? t('own.nameTaken', { name }) : t('own.notSaved'),
        )
      },
    )
  }
  if (!editing) {
    return (
      <button type="button" ref={opener} onClick={() => setDraft(me.name)}>
        {t('own.changeName')}
      </button>
    )
  }
  return (
    <form className="change-name" onSubmit={save} noValidate>
      <label htmlFor={id}>{t('own.name')}</label>
      <input
        id={id}
        ref={field}
        type="text"
        value={draft}
        maxLength={LIMITS.nameMax}
        autoComplete="nickname"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      />
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" aria-disabled={saving || undefined}>
        {t('own.save')}
      </button>
      <button type="button" onClick={close}>
        {t('common:cancel')}
      </button>
    </form>
  )
}
