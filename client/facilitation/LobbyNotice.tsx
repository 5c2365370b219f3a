import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useActionMessage, type PeopleModeration, type WaitingEntry } from '../panels/PeopleModeration'

/** Names spelled out in the notice; the rest are "and N more". */
const NAMED = 3

export interface LobbyNoticeProps {
  readonly moderation: PeopleModeration
  /** People is open: its Waiting section says all this, with a button per person. */
  readonly peopleOpen: boolean
  readonly onSeeWho: () => void
}

/** A person's wait: one who leaves the lobby and asks again is a new wait, not put off by Later. */
const waitOf = (w: WaitingEntry): string => `${w.id}:${w.since}`

/** The people waiting whom the facilitator has not put off with Later. */
export function unseenWaiting(waiting: readonly WaitingEntry[], later: ReadonlySet<string>): WaitingEntry[] {
  return waiting.filter((w) => !later.has(waitOf(w)))
}

/**
 * What a facilitator sees when someone asks to join, as in a video call's waiting room: who waits,
 * **Admit** (or **Admit all**), **See who** (People) and **Later**. Over the board's top corner, so
 * it is seen on a phone or a tablet too, where People is behind Menu and its badge is easy to miss.
 * Later hides it until someone else arrives; while People is open, People says it instead.
 */
export function LobbyNotice({ moderation, peopleOpen, onSeeWho }: LobbyNoticeProps) {
  const { t } = useTranslation('panels')
  const textId = useId()
  const [later, setLater] = useState<ReadonlySet<string>>(new Set())
  // only a failure is said here: people admitted simply leave the notice
  const { message: failure, run } = useActionMessage()
  const { waiting } = moderation
  if (peopleOpen || waiting.length === 0 || unseenWaiting(waiting, later).length === 0) return null
  const names = waiting.slice(0, NAMED).map((w) => w.name)
  const more = waiting.length - names.length
  const who =
    more > 0
      ? t('lobby.namesMore', { names: names.join(t('lobby.comma')), count: more })
      : names.length === 1
        ? names[0]
        : t('lobby.namesAnd', { names: names.slice(0, -1).join(t('lobby.comma')), last: names.at(-1) })
  const only = waiting.length === 1 ? waiting[0] : undefined
  const admit = () =>
    run(
      () => (only ? moderation.onAdmit(only.id) : moderation.onAdmitAll()),
      () => '',
    )
  return (
    <section className="lobby-notice" aria-labelledby={textId}>
      <p id={textId}>{t('lobby.notice', { who, count: waiting.length })}</p>
      <div className="lobby-notice-actions">
        <button type="button" className="primary" onClick={admit}>
          {only ? t('lobby.admitOne', { name: only.name }) : t('people.admitAll')}
        </button>
        <button type="button" onClick={onSeeWho}>
          {t('lobby.seeWho')}
        </button>
        <button type="button" onClick={() => setLater(new Set([...later, ...waiting.map(waitOf)]))}>
          {t('lobby.later')}
        </button>
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  )
}
