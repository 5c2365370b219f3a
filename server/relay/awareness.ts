import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { AWARENESS_STATE_MAX } from '../../shared/presence'
import { nameKey } from '../names'
import type { Role } from '../../shared/rooms'
import { ProtocolError } from './protocol'

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state as JSON text; 'null' when the client left. */
  readonly json: string
}

/** Largest awareness state one client may publish (JSON characters). */
export const MAX_AWARENESS_STATE = AWARENESS_STATE_MAX
/**
 * Entries one awareness message may hold. A stock y-websocket client echoes every state it is sent,
 * the whole room's at once when it joins, so this is a room's worth, not one client's: the message
 * size cap bounds the cost, and the relay keeps only entries of the sender's own client id.
 */
const MAX_ENTRIES = 1000

/** Parses an awareness update, checking each state is JSON of bounded size. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_ENTRIES) throw new ProtocolError('too many awareness entries')
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      if (json.length > MAX_AWARENESS_STATE) throw new ProtocolError('awareness state too large')
      const state: unknown = JSON.parse(json)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state must be an object or null')
      }
      entries.push({ clientId, clock, json })
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness update')
    return entries
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`)
  }
}

/** Encodes awareness entries as an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.json)
  }
  return encoding.toUint8Array(encoder)
}

/** Who a connection is, as its presence must say: what the server knows, not what the client claims. */
export interface PresenceIdentity {
  readonly role: Role
  /** The person their token proves; null for a connection without one (a guest). */
  readonly person: { readonly id: string; readonly name: string } | null
  /** The session's admitted people's names (normalized by `nameKey`), which a guest may not take. */
  readonly takenNames: ReadonlySet<string>
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A published presence state rewritten so that `user.id`, `user.name` and `user.role` are what the
 * server knows of the connection: a person's own, or for a guest `guest-<client id>`, the key's role
 * and the claimed name unless it is an admitted person's ("Guest" then). Null (dropped) when the
 * state is not an object with a `user` object.
 */
export function correctPresence(json: string, clientId: number, who: PresenceIdentity): string | null {
  const state: unknown = JSON.parse(json)
  if (!isRecord(state) || !isRecord(state.user)) return null
  const claimed = typeof state.user.name === 'string' ? state.user.name.slice(0, 60) : ''
  const user = who.person
    ? { ...state.user, id: who.person.id, name: who.person.name, role: who.role }
    : {
        ...state.user,
        id: `guest-${clientId}`,
        name: who.takenNames.has(nameKey(claimed)) ? 'Guest' : claimed,
        role: who.role,
      }
  return JSON.stringify({ ...state, user })
}

/**
 * The names of the people (with a token) whose presence is in a room now, by `nameKey`: a guest may
 * not take them either, though they were admitted after the guest came in.
 */
export function presentNames(states: Iterable<{ readonly entry: AwarenessEntry }>): Set<string> {
  const names = new Set<string>()
  for (const { entry } of states) {
    if (entry.json === 'null') continue
    try {
      const user = (JSON.parse(entry.json) as { user?: { id?: unknown; name?: unknown } }).user
      if (typeof user?.name === 'string' && typeof user.id === 'string' && !user.id.startsWith('guest-'))
        names.add(nameKey(user.name))
    } catch {
      // every state here was corrected (parsed) before it was kept
    }
  }
  return names
}
