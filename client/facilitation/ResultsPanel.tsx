import { useId } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import type { Facilitation } from './useFacilitation'

const STRINGS = {
  heading: 'Results',
  none: 'No results yet: they appear when the facilitator ends voting.',
  votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
  untitled: 'A note without text',
  gone: 'A note that was removed',
}

/** What the votes chose: every note that got votes, most first. */
export function ResultsPanel(props: { fac: Facilitation; lookup: (id: string) => BoardObject | undefined }) {
  const headingId = useId()
  const ranked = Object.entries(props.fac.state.results).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  return (
    <section className="results-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{STRINGS.heading}</h2>
      {ranked.length === 0 ? (
        <p className="muted">{STRINGS.none}</p>
      ) : (
        <ol aria-labelledby={headingId}>
          {ranked.map(([id, votes]) => {
            const o = props.lookup(id)
            const text = o ? (o.kind === 'frame' ? o.props.title : o.text) || STRINGS.untitled : STRINGS.gone
            return (
              <li key={id}>
                <strong>{STRINGS.votes(votes)}</strong> — {text}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
