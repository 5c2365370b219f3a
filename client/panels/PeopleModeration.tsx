import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OWNER_PATTERN } from '../../shared/rooms'

/** One person waiting to be admitted, as the facilitator room's lobby lists them. */
export interface WaitingEntry {
  readonly id: string
  readonly name: string
  readonly since: number
}

/** What a facilitator can do about people (issue #15): admit those who wait, remove someone. */
export interface PeopleModeration {
  readonly waiting: readonly WaitingEntry[]
  readonly onAdmit: (id: string) => Promise<unknown>
  /** Admits everyone waiting; resolves to how many. */
  readonly onAdmitAll: () => Promise<number>
  /** Removes a person (with `hide`, hides what they added); resolves to how many objects were hidden. */
  readonly onRemove: (id: string, hide: boolean) => Promise<number>
  /** Everyone admitted to the session, here or not (read when asked: it is not live). */
  readonly loadAdmitted: () => Promise<readonly { readonly id: string; readonly name: string }[]>
}

/** Only people the server issued a token can be removed: viewers have none (`guest-…`). */
export const isRemovable = (id: string): boolean => OWNER_PATTERN.test(id)

/** A line the panel says politely after an action (admitted, removed, or why it failed). */
export function useActionMessage() {
  const { t } = useTranslation('panels')
  const [message, setMessage] = useState('')
  const [revision, setRevision] = useState(0)
  const run = <T,>(action: () => Promise<T>, said: (result: T) => string) => {
    setMessage('')
    action().then(
      (result) => {
        setMessage(said(result))
        setRevision((n) => n + 1)
      },
      (error: unknown) =>
        setMessage(t('people.failed', { why: error instanceof Error ? error.message : String(error) })),
    )
  }
  return { message, run, revision }
}

/** "Waiting (n)": each person with Admit, and Admit all. */
export function WaitingSection(props: {
  moderation: PeopleModeration
  run: ReturnType<typeof useActionMessage>['run']
}) {
  const { t, i18n } = useTranslation('panels')
  const headingId = useId()
  const hintId = useId()
  const { waiting, onAdmit, onAdmitAll, onRemove } = props.moderation
  if (waiting.length === 0) return null
  const time = (ms: number) =>
    new Date(ms).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
  return (
    <section className="people-waiting" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('people.waiting', { count: waiting.length })}</h3>
      <p className="hint" id={hintId}>
        {t('people.waitingHint')}
      </p>
      <ul className="people-list" aria-labelledby={headingId}>
        {waiting.map((w) => (
          <li key={w.id} className="person-row waiting-row">
            <span className="person-text">
              <span className="person-name">{w.name}</span>
              <span className="person-where">{t('people.since', { time: time(w.since) })}</span>
            </span>
            <button
              type="button"
              className="primary"
              onClick={() =>
                props.run(
                  () => onAdmit(w.id),
                  () => t('people.admittedOne', { name: w.name }),
                )
              }
            >
              {t('people.admit')}
            </button>
            {/* a stranger in the lobby can be turned away: they added nothing, so nothing to hide */}
            <div className="person-moderation">
              <RemovePerson
                name={w.name}
                canHide={false}
                onRemove={() =>
                  props.run(
                    () => onRemove(w.id, false),
                    () => t('people.removed', { name: w.name }),
                  )
                }
              />
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        aria-describedby={hintId}
        onClick={() => props.run(onAdmitAll, (count) => t('people.admitted', { count }))}
      >
        {t('people.admitAll')}
      </button>
    </section>
  )
}

/**
 * "Remove from session" on a person's entry, then a confirm step: what it does, "Also hide
 * everything they added" (on by default), and Remove <name> / Cancel. Escape or Cancel go back.
 */
export function RemovePerson(props: {
  name: string
  /** Offer "Also hide everything they added" (not for someone still waiting: they added nothing). */
  canHide?: boolean
  onRemove: (hide: boolean) => void
}) {
  const { t } = useTranslation('panels')
  const [asking, setAsking] = useState(false)
  const [hide, setHide] = useState(true)
  const questionId = useId()
  const canHide = props.canHide ?? true
  const firstField = useRef<HTMLInputElement & HTMLButtonElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) firstField.current?.focus()
  }, [asking])
  const cancel = () => {
    setAsking(false)
    requestAnimationFrame(() => opener.current?.focus())
  }
  if (!asking) {
    return (
      <button type="button" ref={opener} className="danger" onClick={() => setAsking(true)}>
        {t('people.remove')}
      </button>
    )
  }
  return (
    <div
      className="remove-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          cancel()
        }
      }}
    >
      <p id={questionId}>{t('people.removeQuestion', { name: props.name })}</p>
      {canHide && (
        <label>
          <input
            ref={firstField}
            type="checkbox"
            checked={hide}
            onChange={(e) => setHide(e.target.checked)}
          />
          {t('people.alsoHide')}
        </label>
      )}
      <div className="remove-actions">
        <button
          type="button"
          ref={canHide ? undefined : firstField}
          className="danger"
          onClick={() => {
            setAsking(false)
            props.onRemove(canHide && hide)
          }}
        >
          {t('people.confirmRemove', { name: props.name })}
        </button>
        <button type="button" onClick={cancel}>
          {t('people.cancel')}
        </button>
      </div>
    </div>
  )
}

/**
 * People admitted to the session who are not here now (their page closed, or between reconnects):
 * a facilitator can remove them too, so someone who disrupted the room and left cannot come back.
 * Read when the panel opens and again whenever who is here changes, or after an action.
 */
export function AbsentSection(props: {
  moderation: PeopleModeration
  presentIds: readonly string[]
  selfId: string
  /** Changes after each admit or removal, so the list is read again. */
  revision: number
  onRemove: (person: { id: string; name: string }) => (hide: boolean) => void
}) {
  const { t } = useTranslation('panels')
  const headingId = useId()
  const { loadAdmitted } = props.moderation
  const [admitted, setAdmitted] = useState<readonly { id: string; name: string }[]>([])
  const presentKey = [...props.presentIds].sort().join(' ')
  useEffect(() => {
    let live = true
    loadAdmitted().then(
      (list) => live && setAdmitted(list),
      () => undefined, // the panel still shows who is here; the list is read again on the next change
    )
    return () => {
      live = false
    }
  }, [loadAdmitted, presentKey, props.revision])
  const present = new Set(presentKey.split(' '))
  const absent = admitted.filter((p) => !present.has(p.id) && p.id !== props.selfId)
  if (absent.length === 0) return null
  return (
    <section className="people-absent" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('people.absent', { count: absent.length })}</h3>
      <ul className="people-list" aria-labelledby={headingId}>
        {absent.map((p) => (
          <li key={p.id} className="person-row">
            <span className="person-text">
              <span className="person-name">{p.name}</span>
            </span>
            <div className="person-moderation">
              <RemovePerson name={p.name} onRemove={props.onRemove(p)} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
