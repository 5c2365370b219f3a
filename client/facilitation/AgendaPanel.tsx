import { useId, useState } from 'react'
import { STEP_MODES, type AgendaStep, type StepModeName } from '../../shared/schema/controlDoc'
import type { StepChanges } from '../../shared/ops/agenda'
import { SaveTemplateForm } from './SaveTemplateForm'
import type { Facilitation } from './useFacilitation'

const STRINGS = {
  heading: 'Agenda',
  current: 'current step',
  minutes: (n: number) => `${n} min`,
  modes: { free: 'Free', private: 'Private writing', voting: 'Voting' } as Record<StepModeName, string>,
  guidance: 'Guidance (facilitators only)',
  goTo: 'Go to this step',
  edit: 'Edit',
  done: 'Done',
  remove: 'Remove step',
  title: 'Title',
  prompt: 'Prompt',
  minutesField: 'Minutes',
  mode: 'Mode',
  add: 'Add step',
  newStep: 'New step',
  empty: 'No steps yet.',
}

/** The session's steps; facilitators also see each step's guidance and can edit, add and remove steps. */
export function AgendaPanel({ fac }: { fac: Facilitation }) {
  const headingId = useId()
  const [editing, setEditing] = useState<string | null>(null)
  const add = () => setEditing(fac.session.addStep(STRINGS.newStep))
  return (
    <section className="agenda-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{STRINGS.heading}</h2>
      {fac.agenda.length === 0 && <p className="muted">{STRINGS.empty}</p>}
      <ol className="agenda-steps">
        {fac.agenda.map((step, i) => (
          <li key={step.id} className={i === fac.state.step ? 'agenda-step current' : 'agenda-step'}>
            {editing === step.id ? (
              <StepEditor
                step={step}
                guidance={fac.guidance[step.id] ?? ''}
                onChange={(c) => fac.session.updateStep(step.id, c)}
                onGuidance={(text) => fac.setGuidance(step.id, text)}
              />
            ) : (
              <StepSummary step={step} current={i === fac.state.step} guidance={fac.guidance[step.id]} />
            )}
            {fac.isFacilitator && (
              <div className="row-actions">
                <button type="button" onClick={() => setEditing(editing === step.id ? null : step.id)}>
                  {editing === step.id ? STRINGS.done : STRINGS.edit}
                </button>
                {i !== fac.state.step && (
                  <button type="button" onClick={() => fac.session.goToStep(i)}>
                    {STRINGS.goTo}
                  </button>
                )}
                <button type="button" className="danger" onClick={() => fac.session.removeStep(step.id)}>
                  {STRINGS.remove}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {fac.isFacilitator && (
        <button type="button" onClick={add}>
          {STRINGS.add}
        </button>
      )}
      {fac.isFacilitator && <SaveTemplateForm onSave={fac.saveAsTemplate} />}
    </section>
  )
}

function StepSummary(props: { step: AgendaStep; current: boolean; guidance: string | undefined }) {
  const { step } = props
  return (
    <>
      <h3>
        {step.title}
        {props.current && <span className="chip"> · {STRINGS.current}</span>}
      </h3>
      <p className="muted">
        {STRINGS.minutes(step.minutes)} · {STRINGS.modes[step.mode]}
      </p>
      {step.prompt && <p>{step.prompt}</p>}
      {props.guidance && (
        <p className="guidance">
          <strong>{STRINGS.guidance}:</strong> {props.guidance}
        </p>
      )}
    </>
  )
}

/** A step's fields; each change is saved at once (the control room keeps it). */
function StepEditor(props: {
  step: AgendaStep
  guidance: string
  onChange: (c: StepChanges) => void
  onGuidance: (text: string) => void
}) {
  const { step, onChange } = props
  const id = useId()
  return (
    <div className="step-editor">
      <label htmlFor={`${id}-title`}>{STRINGS.title}</label>
      <input
        id={`${id}-title`}
        defaultValue={step.title}
        maxLength={200}
        onChange={(e) => onChange({ title: e.target.value })}
      />
      <label htmlFor={`${id}-prompt`}>{STRINGS.prompt}</label>
      <textarea
        id={`${id}-prompt`}
        defaultValue={step.prompt}
        maxLength={2000}
        onChange={(e) => onChange({ prompt: e.target.value })}
      />
      <label htmlFor={`${id}-guidance`}>{STRINGS.guidance}</label>
      <textarea
        id={`${id}-guidance`}
        defaultValue={props.guidance}
        maxLength={4000}
        onChange={(e) => props.onGuidance(e.target.value)}
      />
      <label htmlFor={`${id}-minutes`}>{STRINGS.minutesField}</label>
      <input
        id={`${id}-minutes`}
        type="number"
        min={0}
        max={600}
        defaultValue={step.minutes}
        onChange={(e) => {
          const n = Number(e.target.value)
          if (e.target.value !== '' && n >= 0 && n <= 600) onChange({ minutes: Math.round(n) })
        }}
      />
      <label htmlFor={`${id}-mode`}>{STRINGS.mode}</label>
      <select
        id={`${id}-mode`}
        value={step.mode}
        onChange={(e) => onChange({ mode: e.target.value as StepModeName })}
      >
        {STEP_MODES.map((m) => (
          <option key={m} value={m}>
            {STRINGS.modes[m]}
          </option>
        ))}
      </select>
    </div>
  )
}
