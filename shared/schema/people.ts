import type * as Y from 'yjs'
import { z } from 'zod'
import { OWNER_PATTERN } from '../rooms'

/**
 * People the server knows, as the rooms show them (issue #15). Both roots are written by the server
 * only (the room rules refuse any client's write): the facilitator room's `lobby` lists who waits to
 * be admitted, live; the control room's `removed` marks the person ids a facilitator removed, with
 * no name, so exports and the board can leave removed people unnamed.
 */
export const LOBBY = 'lobby'
export const REMOVED = 'removed'

/** Facilitator room: person id → `{name, since}` of each person waiting to be admitted. */
export const lobbyOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(LOBBY)
/** Control room: person id → `true` for each person removed from the session. */
export const removedOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(REMOVED)

/** One person waiting in the lobby. */
export interface WaitingPerson {
  /** The person id (hash of their token). */
  readonly id: string
  readonly name: string
  /** When they asked to join (ms since the epoch, server clock). */
  readonly since: number
}

const NAME_MAX = 60
const entrySchema = z.object({ name: z.string().min(1), since: z.number().finite() })

/** Who waits to be admitted, longest-waiting first; malformed entries are skipped. */
export function readLobby(doc: Y.Doc): WaitingPerson[] {
  const out: WaitingPerson[] = []
  for (const [id, value] of lobbyOf(doc).entries()) {
    if (!OWNER_PATTERN.test(id)) continue
    const parsed = entrySchema.safeParse(value)
    if (!parsed.success) continue
    out.push({ id, name: parsed.data.name.slice(0, NAME_MAX), since: parsed.data.since })
  }
  return out.sort((a, b) => a.since - b.since || a.id.localeCompare(b.id))
}

/** The ids of the people removed from the session, sorted (a plain array: snapshots compare it as JSON). */
export function readRemoved(doc: Y.Doc): string[] {
  const out: string[] = []
  for (const [id, value] of removedOf(doc).entries())
    if (value === true && OWNER_PATTERN.test(id)) out.push(id)
  return out.sort()
}
