import type { JoinAnswer, MeAnswer } from '../api'
import type { RememberedJoin } from '../device'
import type { Role } from '../../shared/rooms'

/**
 * Where a person is on a session's page (issue #15): joining, asking the server who this device's
 * token is, waiting in the lobby, on the board, or removed. Pure, so each step is unit-tested.
 */
export type PersonPhase =
  | { readonly kind: 'join' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'waiting'; readonly name: string }
  | { readonly kind: 'in'; readonly join: RememberedJoin }
  | { readonly kind: 'removed' }

/**
 * The phase a page opens in. Viewers have no token: their remembered join is enough. Anyone else
 * with a token asks the server first (`checking`), so a reload never joins a second time; without a
 * token they join.
 */
export function initialPhase(
  role: Role,
  token: string | null,
  remembered: RememberedJoin | null,
): PersonPhase {
  if (role === 'viewer') return remembered ? { kind: 'in', join: remembered } : { kind: 'join' }
  return token ? { kind: 'checking' } : { kind: 'join' }
}

/** After a join the server answered: in at once, or waiting to be admitted. */
export function phaseAfterJoin(answer: Pick<JoinAnswer, 'status'>, join: RememberedJoin): PersonPhase {
  if (answer.status === 'waiting') return { kind: 'waiting', name: join.name }
  if (answer.status === 'removed') return { kind: 'removed' }
  return { kind: 'in', join }
}

/** What the server says about this device's token: the name is the server's, the answer the device's. */
export function phaseFromMe(
  me: Pick<MeAnswer, 'status' | 'name'>,
  remembered: RememberedJoin | null,
): PersonPhase {
  if (me.status === 'removed') return { kind: 'removed' }
  if (me.status === 'waiting') return { kind: 'waiting', name: me.name }
  return { kind: 'in', join: { name: me.name, answer: remembered?.answer ?? 'agree' } }
}
