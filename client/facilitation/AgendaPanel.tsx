import { Fragment, useId, useState } from 'react'
import { LANG_AUTONYMS, type UiLang } from '../../shared/lang'
import { STEP_MODES, type AgendaStep, type StepModeName } from '../../shared/schema/controlDoc'
import type { StepChanges } from '../../shared/ops/agenda'
import { SaveTemplateForm } from './SaveTemplateForm'
import { placeOf, type StepPlaces } from './stepPlaces'
import type { Facilitation } from './useFacilitation'
import { useShownText } from './useShownText'
import { useTranslation } from 'react-i18next'

/** The session's steps; facilitators also see each step's guidance and can edit, add and remove steps. */
export function AgendaPanel({ fac, places }: { fac: Facilitation; places: StepPlaces }) {
  const { t } = useTranslation('facilitation')
  const headingId = useId()
  const [editing, setEditing] = useState<string | null>(null)
  const add = () => setEditing(fac.session.addStep(t('agenda.newStep')))
  return (
    <section className="agenda-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agenda.heading')}</h2>
      {fac.agenda.length === 0 && <p className="muted">{t('agenda.empty')}</p>}
      <ol className="agenda-steps">
        {fac.agenda.map((step, i) => (
          <li key={step.id} className={i === fac.state.step ? 'agenda-step current' : 'agenda-step'}>
            {editing === step.id ? (
              <StepEditor
                step={step}
                langs={fac.langs}
                places={places}
                guidance={fac.guidance[step.id] ?? ''}
                onChange={(c, lang) => fac.session.updateStep(step.id, c, lang)}
                onGuidance={(text) => fac.setGuidance(step.id, text)}
              />
            ) : (
              <StepSummary
                step={step}
                langs={fac.langs}
                place={placeOf(places, step)}
                current={i === fac.state.step}
                guidance={fac.guidance[step.id]}
              />
            )}
            {fac.isFacilitator && (
              <div className="row-actions">
                <button type="button" onClick={() => setEditing(editing === step.id ? null : step.id)}>
                  {editing === step.id ? t('agenda.done') : t('agenda.edit')}
                </button>
                {i !== fac.state.step && (
                  <button type="button" onClick={() => fac.session.goToStep(i)}>
                    {t('agenda.goTo')}
                  </button>
                )}
                <button type="button" className="danger" onClick={() => fac.session.removeStep(step.id)}>
                  {t('agenda.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {fac.isFacilitator && (
        <button type="button" onClick={add}>
          {t('agenda.add')}
        </button>
      )}
      {fac.isFacilitator && <SaveTemplateForm onSave={fac.saveAsTemplate} onList={fac.savedTemplates} />}
    </section>
  )
}

function StepSummary(props: {
  step: AgendaStep
  langs: readonly UiLang[]
  place: { canvas: string; frame: string }
  current: boolean
  guidance: string | undefined
}) {
  const { t } = useTranslation('facilitation')
  const { step, place } = props
  const shown = useShownText(props.langs)
  const title = shown(step.titles)
  const prompt = shown(step.prompts)
  const where = place.frame
    ? t('agenda.placeFrame', { canvas: place.canvas, frame: place.frame })
    : place.canvas
      ? t('agenda.place', { canvas: place.canvas })
      : t('agenda.noPlace')
  return (
    <>
      <h3>
        <span lang={title.lang}>{title.text}</span>
        {props.current && <span className="chip"> · {t('agenda.current')}</span>}
      </h3>
      <p className="muted">
        {t('agenda.minutes', { n: step.minutes })} · {t(`agenda.modes.${step.mode}`)} · {where}
      </p>
      {prompt.text && <p lang={prompt.lang}>{prompt.text}</p>}
      {props.guidance && (
        <p className="guidance">
          <strong>{t('agenda.guidanceLead')}</strong> {props.guidance}
        </p>
      )}
    </>
  )
}

/** A step's fields; each change is saved at once (the control room keeps it). */
function StepEditor(props: {
  step: AgendaStep
  langs: readonly UiLang[]
  places: StepPlaces
  guidance: string
  onChange: (c: StepChanges, lang?: UiLang) => void
  onGuidance: (text: string) => void
}) {
  const { t } = useTranslation('facilitation')
  const { step, onChange, langs } = props
  const id = useId()
  // one title and one prompt field per session language: "Title (简体中文)"
  const named = (field: 'title' | 'prompt', lang: UiLang) =>
    langs.length > 1 ? t(`agenda.${field}In`, { lang: LANG_AUTONYMS[lang] }) : t(`agenda.${field}`)
  return (
    <div className="step-editor">
      {langs.map((lang) => (
        <Fragment key={lang}>
          <label htmlFor={`${id}-title-${lang}`}>{named('title', lang)}</label>
          <input
            id={`${id}-title-${lang}`}
            lang={lang}
            defaultValue={step.titles[lang] ?? ''}
            maxLength={200}
            onChange={(e) => onChange({ title: e.target.value }, lang)}
          />
          <label htmlFor={`${id}-prompt-${lang}`}>{named('prompt', lang)}</label>
          <textarea
            id={`${id}-prompt-${lang}`}
            lang={lang}
            defaultValue={step.prompts[lang] ?? ''}
            maxLength={2000}
            onChange={(e) => onChange({ prompt: e.target.value }, lang)}
          />
        </Fragment>
      ))}
      <label htmlFor={`${id}-guidance`}>{t('agenda.guidance')}</label>
      <textarea
        id={`${id}-guidance`}
        defaultValue={props.guidance}
        maxLength={4000}
        onChange={(e) => props.onGuidance(e.target.value)}
      />
      <label htmlFor={`${id}-minutes`}>{t('agenda.minutesField')}</label>
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
      <StepPlaceFields step={step} places={props.places} onChange={onChange} />
      <label htmlFor={`${id}-mode`}>{t('agenda.mode')}</label>
      <select
        id={`${id}-mode`}
        value={step.mode}
        onChange={(e) => onChange({ mode: e.target.value as StepModeName })}
      >
        {STEP_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`agenda.modes.${m}`)}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The canvas a step happens on, and optionally the frame: where Next step takes everyone. */
function StepPlaceFields(props: {
  step: AgendaStep
  places: StepPlaces
  onChange: (c: StepChanges) => void
}) {
  const { t } = useTranslation(['facilitation', 'common'])
  const { step, places, onChange } = props
  const id = useId()
  const frames = step.canvas ? places.framesOf(step.canvas) : []
  return (
    <>
      <label htmlFor={`${id}-canvas`}>{t('agenda.canvas')}</label>
      <select id={`${id}-canvas`} value={step.canvas} onChange={(e) => onChange({ canvas: e.target.value })}>
        <option value="">{t('agenda.noCanvas')}</option>
        {places.canvases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name || t('common:untitled')}
          </option>
        ))}
      </select>
      {frames.length > 0 && (
        <>
          <label htmlFor={`${id}-frame`}>{t('agenda.frame')}</label>
          <select id={`${id}-frame`} value={step.frame} onChange={(e) => onChange({ frame: e.target.value })}>
            <option value="">{t('agenda.wholeCanvas')}</option>
            {frames.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title || t('common:untitled')}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  )
}
