import { useId } from 'react'
import { Avatar, displayName, type PresentPerson } from './PresenceList'

const STRINGS = {
  heading: 'People here',
  hideCursor: 'Hide my cursor',
  hiddenHint: 'Others do not see your pointer. This device remembers your choice.',
  shownHint: 'Others see your pointer, with your name, as you move it over the board.',
  you: '(you)',
  goTo: (name: string) => `Go to ${name}`,
  goToShort: 'Go to',
  nowhere: (name: string) => `${name} has not opened a canvas yet`,
  on: (canvas: string) => `on “${canvas}”`,
  pointing: 'pointing',
  role: { facilitator: 'facilitator', participant: '', viewer: 'viewer' },
}

export interface PeoplePanelProps {
  readonly people: readonly PresentPerson[]
  readonly cursorHidden: boolean
  readonly onToggleCursor: () => void
  /** Moves this person's view to someone: their canvas, centred on their cursor. */
  readonly onGoTo: (key: string) => void
}

/** Everyone in the session, where they are, "Go to" each of them; and this person's cursor choice. */
export function PeoplePanel(props: PeoplePanelProps) {
  const headingId = useId()
  const hintId = useId()
  return (
    <section className="people-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {STRINGS.heading} <span className="count">({props.people.length})</span>
      </h2>
      <button
        type="button"
        className="cursor-toggle"
        aria-pressed={props.cursorHidden}
        aria-describedby={hintId}
        onClick={props.onToggleCursor}
      >
        {STRINGS.hideCursor}
      </button>
      <p id={hintId} className="hint">
        {props.cursorHidden ? STRINGS.hiddenHint : STRINGS.shownHint}
      </p>
      <ul className="people-list" aria-labelledby={headingId}>
        {props.people.map((p) => (
          <PersonRow key={p.key} person={p} onGoTo={props.onGoTo} />
        ))}
      </ul>
    </section>
  )
}

function PersonRow({ person, onGoTo }: { person: PresentPerson; onGoTo: (key: string) => void }) {
  const name = displayName(person)
  const details = [
    STRINGS.role[person.role],
    person.canvasName !== null ? STRINGS.on(person.canvasName) : '',
    person.pointing && !person.self ? STRINGS.pointing : '',
  ].filter(Boolean)
  return (
    <li className="person-row">
      <Avatar person={person} />
      <span className="person-text">
        <span className="person-name">
          {name} {person.self && STRINGS.you}
        </span>
        {details.length > 0 && <span className="person-where">{details.join(' · ')}</span>}
      </span>
      {!person.self && (
        <button
          type="button"
          aria-label={STRINGS.goTo(name)}
          aria-disabled={person.canGoTo ? undefined : true}
          title={person.canGoTo ? STRINGS.goTo(name) : STRINGS.nowhere(name)}
          onClick={() => {
            if (person.canGoTo) onGoTo(person.key)
          }}
        >
          {STRINGS.goToShort}
        </button>
      )}
    </li>
  )
}
