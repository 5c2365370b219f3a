import { useId, type ReactNode } from 'react'
import { Avatar, displayName, type PresentPerson } from './PresenceList'
import {
  AbsentSection,
  isRemovable,
  RemovePerson,
  useActionMessage,
  WaitingSection,
  type PeopleModeration,
} from './PeopleModeration'
import { useTranslation } from 'react-i18next'

export interface PeoplePanelProps {
  readonly people: readonly PresentPerson[]
  readonly cursorHidden: boolean
  readonly onToggleCursor: () => void
  /** Moves this person's view to someone: their canvas, centred on their cursor. */
  readonly onGoTo: (key: string) => void
  /** What a person can do about themselves, shown in their own entry (their name, what they added). */
  readonly own?: ReactNode
  /** Facilitators: who waits to be admitted, admitting and removing people. */
  readonly moderation?: PeopleModeration
}

/**
 * Everyone in the session, where they are, "Go to" each of them; and this person's cursor choice.
 * For facilitators, first who waits to be admitted, and "Remove from session" on each person.
 */
export function PeoplePanel(props: PeoplePanelProps) {
  const { t } = useTranslation('panels')
  const headingId = useId()
  const hintId = useId()
  const { message, run, revision } = useActionMessage()
  const { moderation } = props
  const remove = (person: { id: string; name: string }) => (hide: boolean) => {
    const name = displayName(person)
    run(
      () => moderation!.onRemove(person.id, hide),
      (hidden) =>
        [t('people.removed', { name }), hidden > 0 ? t('people.hidden', { count: hidden }) : ''].join(' '),
    )
  }
  return (
    <section className="people-panel" aria-labelledby={headingId}>
      {moderation && <WaitingSection moderation={moderation} run={run} />}
      <h2 id={headingId}>
        {t('people.heading')} <span className="count">({props.people.length})</span>
      </h2>
      <button
        type="button"
        className="cursor-toggle"
        aria-pressed={props.cursorHidden}
        aria-describedby={hintId}
        onClick={props.onToggleCursor}
      >
        {t('people.hideCursor')}
      </button>
      <p id={hintId} className="hint">
        {props.cursorHidden ? t('people.hiddenHint') : t('people.shownHint')}
      </p>
      <p className="people-message" aria-live="polite">
        {message}
      </p>
      <ul className="people-list" aria-labelledby={headingId}>
        {props.people.map((p) => (
          <PersonRow
            key={p.key}
            person={p}
            onGoTo={props.onGoTo}
            own={p.self ? props.own : null}
            onRemove={moderation && !p.self && isRemovable(p.id) ? remove(p) : undefined}
          />
        ))}
      </ul>
      {moderation && (
        <AbsentSection
          moderation={moderation}
          presentIds={props.people.map((p) => p.id)}
          selfId={props.people.find((p) => p.self)?.id ?? ''}
          revision={revision}
          onRemove={remove}
        />
      )}
    </section>
  )
}

function PersonRow({
  person,
  onGoTo,
  own,
  onRemove,
}: {
  person: PresentPerson
  onGoTo: (key: string) => void
  own: ReactNode
  onRemove?: (hide: boolean) => void
}) {
  const { t } = useTranslation('panels')
  const name = displayName(person)
  const details = [
    person.role === 'participant' ? '' : t(`people.role.${person.role}`),
    person.canvasName !== null ? t('people.on', { canvas: person.canvasName }) : '',
    person.pointing && !person.self ? t('people.pointing') : '',
  ].filter(Boolean)
  return (
    <li className="person-row">
      <Avatar person={person} />
      <span className="person-text">
        <span className="person-name">
          {name} {person.self && t('people.you')}
        </span>
        {details.length > 0 && <span className="person-where">{details.join(' · ')}</span>}
      </span>
      {!person.self && (
        <button
          type="button"
          aria-label={t('people.goTo', { name })}
          aria-disabled={person.canGoTo ? undefined : true}
          title={person.canGoTo ? t('people.goTo', { name }) : t('people.nowhere', { name })}
          onClick={() => {
            if (person.canGoTo) onGoTo(person.key)
          }}
        >
          {t('people.goToShort')}
        </button>
      )}
      {onRemove && (
        <div className="person-moderation">
          <RemovePerson name={name} onRemove={onRemove} />
        </div>
      )}
      {own && <div className="own-entry">{own}</div>}
    </li>
  )
}
