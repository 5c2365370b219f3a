import { useState, type FormEvent } from 'react'
import type { Role } from '../../shared/rooms'
import { LIMITS } from '../../shared/schema/limits'
import { rememberedName } from '../device'
import { Commitments } from '../panels/Commitments'

export interface JoinScreenProps {
  readonly title: string
  readonly role: Role
  readonly commitments: readonly string[]
  readonly commitmentsLoading: boolean
  readonly onJoin: (name: string) => void
}

const ROLE_TEXT: Record<Role, string> = {
  facilitator: 'You are joining as a facilitator.',
  participant: 'You are joining as a participant.',
  viewer: 'You are joining as a viewer: you can follow the board but not change it.',
}

/** Before the board: the session's commitments, your name, and Join. */
export function JoinScreen(props: JoinScreenProps) {
  const [name, setName] = useState(rememberedName)
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return setError('Please write your name (or a nickname) so others know who wrote what.')
    props.onJoin(trimmed)
  }
  return (
    <main className="page join">
      <header className="page-header">
        <p className="eyebrow">Workshop session</p>
        <h1>{props.title || 'Untitled session'}</h1>
        <p className="lead">{ROLE_TEXT[props.role]}</p>
      </header>
      <div className="card">
        <Commitments commitments={props.commitments} loading={props.commitmentsLoading} />
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <label htmlFor="your-name">Your name</label>
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
        <button type="submit" className="primary">
          Join
        </button>
      </form>
    </main>
  )
}
