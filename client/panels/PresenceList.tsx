import { useTranslation } from 'react-i18next'
import { usePhoneLayout } from '../canvas/phoneLayout'
import { i18n } from '../i18n'

/** Avatars drawn in the header before the rest become "+N" (a phone's header row has less room). */
const AVATARS = 4
const PHONE_AVATARS = 2

/** How many of `count` people get an avatar of their own: all, or `limit` and a "+N" for the rest. */
export function avatarsShown(count: number, limit: number): number {
  return count > limit + 1 ? limit : count
}

export interface PresentPerson {
  readonly key: string
  /** Their person id as the server knows it (presence is rewritten by the relay); `guest-…` for a viewer. */
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: 'facilitator' | 'participant' | 'viewer'
  readonly self: boolean
  /** The name of the canvas they have open, when they share it. */
  readonly canvasName: string | null
  /** Whether "Go to" has somewhere to take you: their cursor, or else the middle of their view. */
  readonly canGoTo: boolean
  /** Whether their pointer is on a canvas right now (others see it moving). */
  readonly pointing: boolean
}

/** Shown as the person's name wherever a name is missing. */
export const displayName = (p: Pick<PresentPerson, 'name'>): string =>
  p.name.trim() || i18n.t('panels:people.someone')

/**
 * "Who is here": everyone in the board room, each with the colour of their cursor. A few avatars
 * and "+N" for the rest, so a full room does not push the header's buttons off the screen; every
 * name is still in the list for screen readers, and People lists everyone.
 */
export function PresenceList(props: { people: readonly PresentPerson[] }) {
  const { t } = useTranslation('panels')
  const phone = usePhoneLayout()
  const role = (p: PresentPerson) => t(`people.role.${p.role}`)
  const shown = avatarsShown(props.people.length, phone ? PHONE_AVATARS : AVATARS)
  const rest = props.people.slice(shown)
  return (
    <section className="presence" aria-label={t('people.region')}>
      <ul>
        {props.people.map((p, i) => (
          <li
            key={p.key}
            className={i >= shown ? 'presence-unshown' : undefined}
            title={p.role === 'participant' ? displayName(p) : `${displayName(p)} (${role(p)})`}
          >
            <Avatar person={p} />
            <span className="presence-name">
              {displayName(p)}
              {p.self && t('people.youSuffix')}
              {p.role !== 'participant' && <span className="presence-role"> · {role(p)}</span>}
            </span>
          </li>
        ))}
        {rest.length > 0 && (
          <li className="presence-rest" aria-hidden="true" title={rest.map(displayName).join(', ')}>
            +{rest.length}
          </li>
        )}
      </ul>
    </section>
  )
}

/** A coloured disc with the person's initial; decorative, their name is always said next to it. */
export function Avatar({ person }: { person: Pick<PresentPerson, 'name' | 'color'> }) {
  return (
    <span className="presence-avatar" style={{ background: person.color }} aria-hidden="true">
      {(person.name.trim()[0] ?? '?').toUpperCase()}
    </span>
  )
}
