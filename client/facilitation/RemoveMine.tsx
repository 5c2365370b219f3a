import { useState } from 'react'
import type { Facilitation } from './useFacilitation'

const STRINGS = {
  heading: 'Your contributions',
  remove: 'Remove everything I added',
  confirm: (n: number) =>
    n === 1
      ? 'Remove the 1 thing you added to this session? This cannot be undone by others.'
      : `Remove the ${n} things you added to this session? This cannot be undone by others.`,
  nothing: 'You have not added anything yet.',
  yes: 'Yes, remove them',
  cancel: 'Cancel',
  done: (n: number) => `${n} removed.`,
  locked: 'The board is locked: you can remove your notes when the facilitator unlocks it.',
}

/** "Remove everything I added", asked twice: the board and the private room alike. */
export function RemoveMine({ fac }: { fac: Facilitation }) {
  const [asking, setAsking] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const ask = () => {
    const n = fac.contributions.countMine()
    setMessage(n === 0 ? STRINGS.nothing : '')
    setAsking(n === 0 ? null : n)
  }
  const remove = () => {
    setMessage(STRINGS.done(fac.contributions.removeMine()))
    setAsking(null)
  }
  return (
    <section className="remove-mine">
      <h3>{STRINGS.heading}</h3>
      {fac.model.readOnly && <p className="muted">{STRINGS.locked}</p>}
      {asking === null ? (
        <button type="button" className="danger" onClick={ask}>
          {STRINGS.remove}
        </button>
      ) : (
        <div role="group" aria-label={STRINGS.remove}>
          <p>{STRINGS.confirm(asking)}</p>
          <button type="button" className="danger" onClick={remove}>
            {STRINGS.yes}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {STRINGS.cancel}
          </button>
        </div>
      )}
      <p aria-live="polite">{message}</p>
    </section>
  )
}
