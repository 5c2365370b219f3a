import { useId, useState } from 'react'
import { Commitments } from '../panels/Commitments'
import { RemoveMine } from './RemoveMine'
import type { Facilitation } from './useFacilitation'

const STRINGS = {
  answers: (agree: number, discuss: number) => `${agree} agree · ${discuss} would like to discuss`,
  answersLabel: 'Answers so far',
  edit: 'Edit the commitments',
  line: (n: number) => `Commitment ${n}`,
  remove: (n: number) => `Remove commitment ${n}`,
  removeShort: 'Remove',
  add: 'Add commitment',
  newLine: 'New commitment',
}

/**
 * The Community Commitments; for a facilitator, how many agreed or would like to discuss (never who)
 * and the commitments to edit. Everyone can take back what they added.
 */
export function CommitmentsPanel({
  fac,
  commitments,
}: {
  fac: Facilitation
  commitments: readonly string[]
}) {
  const { agree, discuss } = fac.state.answers
  return (
    <div className="commitments-panel">
      <Commitments commitments={commitments} />
      {fac.isFacilitator && (
        <>
          <p className="answer-counts" aria-label={STRINGS.answersLabel}>
            {STRINGS.answers(agree, discuss)}
          </p>
          <CommitmentsEditor fac={fac} commitments={commitments} />
        </>
      )}
      {fac.canWrite && <RemoveMine fac={fac} />}
    </div>
  )
}

function CommitmentsEditor({ fac, commitments }: { fac: Facilitation; commitments: readonly string[] }) {
  const id = useId()
  const [draft, setDraft] = useState('')
  const add = () => {
    if (!draft.trim()) return
    fac.session.addCommitment(draft.trim())
    setDraft('')
  }
  return (
    <details className="commitments-editor">
      <summary>{STRINGS.edit}</summary>
      <ol>
        {commitments.map((text, i) => (
          // the position is the commitment's identity in the shared list
          <li key={`${i}:${text}`}>
            <label className="visually-hidden" htmlFor={`${id}-${i}`}>
              {STRINGS.line(i + 1)}
            </label>
            <input
              id={`${id}-${i}`}
              defaultValue={text}
              maxLength={500}
              onBlur={(e) => e.target.value !== text && fac.session.setCommitment(i, e.target.value)}
            />
            <button
              type="button"
              aria-label={STRINGS.remove(i + 1)}
              onClick={() => fac.session.removeCommitment(i)}
            >
              {STRINGS.removeShort}
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={`${id}-new`}>{STRINGS.newLine}</label>
      <input
        id={`${id}-new`}
        value={draft}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <button type="button" onClick={add}>
        {STRINGS.add}
      </button>
    </details>
  )
}
