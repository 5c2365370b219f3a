export interface PresentPerson {
  readonly key: string
  readonly name: string
  readonly color: string
  readonly role: 'facilitator' | 'participant' | 'viewer'
  readonly self: boolean
}

/** "Who is here": everyone in the board room, each with the colour of their cursor. */
export function PresenceList(props: { people: readonly PresentPerson[] }) {
  return (
    <section className="presence" aria-label="Who is here">
      <ul>
        {props.people.map((p) => (
          <li key={p.key} title={p.role === 'participant' ? p.name : `${p.name} (${p.role})`}>
            <span className="presence-avatar" style={{ background: p.color }} aria-hidden="true">
              {initial(p.name)}
            </span>
            <span className="presence-name">
              {p.name || 'Someone'}
              {p.self && ' (you)'}
              {p.role !== 'participant' && <span className="presence-role"> · {p.role}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const initial = (name: string): string => (name.trim()[0] ?? '?').toUpperCase()
