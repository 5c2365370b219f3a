import { useId, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { planGroups } from '../../../shared/ops/groups'
import type { CanvasInfo } from '../../../shared/schema/controlDoc'
import { GROUPS_MAX, GROUP_MESSAGE_MAX, type Group } from '../../../shared/schema/groups'
import './groups.css'
import { TimerDisplay } from '../TimerDisplay'
import type { GroupCommands, Groups } from './useGroups'

/** Someone present who can be put in a group (their person id and name). */
export interface GroupPerson {
  readonly id: string
  readonly name: string
}

export interface GroupsPanelProps {
  readonly groups: Groups
  readonly commands: GroupCommands
  /** Participants here now (people with a person id). */
  readonly people: readonly GroupPerson[]
  /** Canvases a group's space can be copied from (not the groups' own). */
  readonly canvases: readonly CanvasInfo[]
  /** The canvas offered first: the current step's, else the open one. */
  readonly defaultCanvas: string
  readonly defaultPrompt: string
  readonly defaultMinutes: number
  readonly serverNow: () => number
  readonly onOpen: (canvas: string) => void
}

type How = 'count' | 'size' | 'hand' | 'choose'

/** The facilitator bar's button that opens and closes the Small groups panel. */
export function GroupsToggle(props: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation('groups')
  return (
    <button
      type="button"
      className="groups-toggle"
      aria-pressed={props.open}
      aria-controls={props.open ? 'side-panel' : undefined}
      onClick={props.onToggle}
    >
      {t('header')}
    </button>
  )
}

/** The facilitator's Small groups panel: split, assign, run (visit, choose, message) and bring back. */
export function GroupsPanel(props: GroupsPanelProps) {
  const { t } = useTranslation('groups')
  const headingId = useId()
  const { state } = props.groups
  return (
    <section className="groups-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('heading')}</h2>
      {state.phase === 'running' ? <RunningGroups {...props} /> : <SplitForm {...props} />}
    </section>
  )
}

function SplitForm(props: GroupsPanelProps) {
  const { t } = useTranslation('groups')
  const id = useId()
  const [how, setHow] = useState<How>('count')
  const [n, setN] = useState(3)
  const [canvas, setCanvas] = useState(props.defaultCanvas)
  const [prompt, setPrompt] = useState(props.defaultPrompt)
  const [minutes, setMinutes] = useState(props.defaultMinutes)
  const { state } = props.groups
  const source = props.canvases.find((c) => c.id === canvas) ?? props.canvases[0]
  const split = () => {
    if (!source) return
    const ids = props.people.map((p) => p.id)
    const random = how === 'count' || how === 'size'
    const count = how === 'size' ? Math.max(1, Math.ceil(ids.length / Math.max(1, n))) : n
    const members = random ? planGroups(ids, { by: how, n }) : Array.from({ length: count }, () => [])
    props.commands.split({
      source: source.id,
      sourceName: source.name,
      names: members.map((_, i) => t('setup.groupName', { n: i + 1 })),
      members,
      prompt,
      minutes,
      choose: how === 'choose',
    })
  }
  const report = state.phase === 'back' ? props.canvases.find((c) => c.id === state.report) : undefined
  return (
    <>
      {report && (
        <p>
          {t('run.back', { canvas: report.name })}{' '}
          <button type="button" onClick={() => props.onOpen(report.id)}>
            {t('run.goReport')}
          </button>{' '}
          <button type="button" onClick={props.commands.end}>
            {t('run.end')}
          </button>
        </p>
      )}
      <p className="muted">{t('setup.lead')}</p>
      <p>{t('setup.present', { count: props.people.length })}</p>
      <div className="field">
        <label htmlFor={`${id}-how`}>{t('setup.how')}</label>
        <select id={`${id}-how`} value={how} onChange={(e) => setHow(e.target.value as How)}>
          {(['count', 'size', 'hand', 'choose'] as const).map((h) => (
            <option key={h} value={h}>
              {t(`setup.${h}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>{how === 'size' ? t('setup.perGroup') : t('setup.groups')}</label>
        <input
          id={`${id}-n`}
          type="number"
          min={1}
          max={GROUPS_MAX}
          value={n}
          onChange={(e) => setN(Math.max(1, Math.min(GROUPS_MAX, Math.floor(Number(e.target.value)) || 1)))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-canvas`}>{t('setup.canvas')}</label>
        <select id={`${id}-canvas`} value={source?.id ?? ''} onChange={(e) => setCanvas(e.target.value)}>
          {props.canvases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{t('setup.prompt')}</label>
        <textarea
          id={`${id}-prompt`}
          value={prompt}
          maxLength={2000}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('setup.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={0}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(Math.max(0, Math.min(600, Number(e.target.value) || 0)))}
        />
      </div>
      <button type="button" className="primary" onClick={split} disabled={!source}>
        {t('setup.split')}
      </button>
    </>
  )
}

function RunningGroups(props: GroupsPanelProps) {
  const { t } = useTranslation('groups')
  const id = useId()
  const { state } = props.groups
  const { commands } = props
  const [message, setMessage] = useState('')
  const [sent, setSent] = useState(false)
  const names = new Map(props.people.map((p) => [p.id, p.name]))
  const nameOf = (person: string) => names.get(person) ?? t('run.left')
  const unassigned = props.people.filter((p) => state.members[p.id] === undefined)
  const onDrop = (group: string) => (e: DragEvent) => {
    e.preventDefault()
    const person = e.dataTransfer.getData('text/x-person')
    if (person) commands.assign(person, group)
  }
  const person = (p: string) => (
    <li
      key={p}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-person', p)
        e.dataTransfer.effectAllowed = 'move'
      }}
      className="group-person"
    >
      <span>{nameOf(p)}</span>
      <select
        aria-label={t('run.groupFor', { name: nameOf(p) })}
        value={state.members[p] ?? ''}
        onChange={(e) => commands.assign(p, e.target.value)}
      >
        <option value="">{t('run.noGroup')}</option>
        {state.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </li>
  )
  return (
    <>
      <p className="muted">{t('run.dragHint')}</p>
      <ol className="group-list">
        {state.groups.map((g, i) => (
          <li key={g.id} className="group-card" onDragOver={(e) => e.preventDefault()} onDrop={onDrop(g.id)}>
            <GroupHeader group={g} n={i + 1} {...props} />
            <ul aria-label={t('run.members', { name: g.name })}>
              {Object.keys(state.members)
                .filter((p) => state.members[p] === g.id)
                .map(person)}
            </ul>
            {!Object.values(state.members).includes(g.id) && <p className="muted">{t('run.none')}</p>}
          </li>
        ))}
      </ol>
      <section
        className="group-card"
        aria-label={t('run.unassigned')}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop('')}
      >
        <h3>{t('run.unassigned')}</h3>
        {unassigned.length === 0 ? (
          <p className="muted">{t('run.everyoneIn')}</p>
        ) : (
          <ul>{unassigned.map((p) => person(p.id))}</ul>
        )}
      </section>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={state.visit}
          onChange={(e) => commands.setVisiting(e.target.checked)}
        />
        {t('run.allowVisit')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={state.choose}
          onChange={(e) => commands.setChoosing(e.target.checked)}
        />
        {t('run.allowChoose')}
      </label>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          commands.message(message)
          setMessage('')
          setSent(true)
        }}
      >
        <label htmlFor={`${id}-message`}>{t('run.message')}</label>
        <textarea
          id={`${id}-message`}
          value={message}
          maxLength={GROUP_MESSAGE_MAX}
          onChange={(e) => {
            setMessage(e.target.value)
            setSent(false)
          }}
        />
        <button type="submit" disabled={message.trim() === ''}>
          {t('run.send')}
        </button>
        <span aria-live="polite" className="muted">
          {sent ? t('run.sent') : ''}
        </span>
      </form>
      <p className="muted">{t('run.bringBackHint')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => props.onOpen(commands.bringBack(t('setup.reportName')))}
      >
        {t('run.bringBack')}
      </button>
    </>
  )
}

function GroupHeader(props: GroupsPanelProps & { group: Group; n: number }) {
  const { t } = useTranslation('groups')
  const { group, commands } = props
  const [name, setName] = useState(group.name)
  const [prompt, setPrompt] = useState(group.prompt)
  const minutes = Math.round((group.timer?.durationMs ?? 0) / 60_000)
  return (
    <>
      <h3>{group.name}</h3>
      <input
        aria-label={t('run.name', { n: props.n })}
        value={name}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => name.trim() && name !== group.name && commands.rename(group.id, name)}
      />
      <textarea
        aria-label={t('run.prompt', { name: group.name })}
        value={prompt}
        maxLength={2000}
        onChange={(e) => setPrompt(e.target.value)}
        onBlur={() => prompt !== group.prompt && commands.setPrompt(group.id, prompt)}
      />
      <div className="group-actions">
        {group.timer && <TimerDisplay timer={group.timer} serverNow={props.serverNow} />}
        {minutes > 0 && (
          <button type="button" onClick={() => commands.restartTimer(group.id, minutes)}>
            {t('run.restart', { name: group.name })}
          </button>
        )}
        <button type="button" onClick={() => props.onOpen(group.canvas)}>
          {t('run.visit', { name: group.name })}
        </button>
      </div>
    </>
  )
}
