import { useId } from 'react'

/** The session's Community Commitments, as a numbered list under a heading. */
export function Commitments(props: { commitments: readonly string[]; loading?: boolean }) {
  const headingId = useId()
  return (
    <section className="commitments" aria-labelledby={headingId}>
      <h2 id={headingId}>Community Commitments</h2>
      {props.loading ? (
        <p className="muted">Loading the commitments…</p>
      ) : props.commitments.length === 0 ? (
        <p className="muted">This session has no commitments yet.</p>
      ) : (
        <ol>
          {props.commitments.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      )}
    </section>
  )
}
