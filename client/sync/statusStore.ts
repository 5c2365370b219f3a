import { addPending, NOTHING_PENDING, type PendingThings } from '../../shared/schema/changes'

/** What the page says about one room's link to the server. */
export type LinkState = 'connected' | 'reconnecting' | 'offline'

export interface RoomStatus {
  readonly state: LinkState
  /** What local changes not yet acknowledged touched (made offline, they go when the link is back). */
  readonly pending: PendingThings
  /** Has this room's document been synced with the server at least once? */
  readonly everSynced: boolean
  /** Set when the server refused the room for good (a bad key, a deleted session). */
  readonly refused: string | null
  /** The session was deleted while this room was open (the server closed it with 4404). */
  readonly deleted: boolean
  /** A facilitator removed this person from the session (the server closed the room with 4003). */
  readonly removed: boolean
  /**
   * The server speaks another schema version (shared/schema/handshake.ts): this page is older
   * ('reload': its unsent work is kept for after the reload) or newer ('newer').
   */
  readonly schema: 'reload' | 'newer' | null
}

export const INITIAL_STATUS: RoomStatus = {
  state: 'reconnecting',
  pending: NOTHING_PENDING,
  everSynced: false,
  refused: null,
  deleted: false,
  removed: false,
  schema: null,
}

/** A tiny observable value for useSyncExternalStore: same object until something changes. */
export class ValueStore<T> {
  private listeners = new Set<() => void>()
  constructor(private value: T) {}

  get = (): T => this.value

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Merges a change; listeners run only when a field really changed. */
  update(change: Partial<T>): void {
    const next = { ...this.value, ...change }
    const keys = Object.keys(change) as (keyof T)[]
    if (keys.every((k) => Object.is(next[k], this.value[k]))) return
    this.value = next
    for (const listener of [...this.listeners]) listener()
  }
}

const SEVERITY: Record<LinkState, number> = { connected: 0, reconnecting: 1, offline: 2 }

/** One status for several rooms: the worst link state, with all their pending changes added up. */
export function combineStatus(statuses: readonly RoomStatus[]): RoomStatus {
  let out = { ...INITIAL_STATUS, state: 'connected' as LinkState, everSynced: true }
  for (const s of statuses) {
    out = {
      state: SEVERITY[s.state] > SEVERITY[out.state] ? s.state : out.state,
      pending: addPending(out.pending, s.pending),
      everSynced: out.everSynced && s.everSynced,
      refused: out.refused ?? s.refused,
      deleted: out.deleted || s.deleted,
      removed: out.removed || s.removed,
      schema: out.schema ?? s.schema,
    }
  }
  return out
}
