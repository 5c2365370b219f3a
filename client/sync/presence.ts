import type { Awareness } from 'y-protocols/awareness'
import { SHARED_SELECTION_MAX, distinctColor, type ColorHolder, type Presence } from '../../shared/presence'

/** How often at most a moving cursor is sent to others; enough for smooth motion, light on the relay. */
const CURSOR_INTERVAL_MS = 50

export type PresenceUser = Presence['user']
export type CursorPosition = NonNullable<Presence['cursor']>
export type ViewPosition = NonNullable<Presence['view']>

/** Makes this person visible to others; called once they have joined, never before. */
export function joinPresence(awareness: Awareness, user: PresenceUser): void {
  const state: Presence = { user, cursor: null, selection: [], view: null }
  awareness.setLocalState(state)
}

/**
 * Keeps this person's colour one nobody else present has (see distinctColor): looked at again when
 * someone comes, goes or changes colour, never for a cursor that moved. Returns a function that stops.
 */
export function keepColorDistinct(awareness: Awareness): () => void {
  /** Each other client's `id color since`, as last looked at. */
  const seen = new Map<number, string>()
  let mine = ''
  const holderOf = (state: unknown): ColorHolder | null => {
    const user = (state as { user?: Partial<ColorHolder> } | null)?.user
    if (typeof user?.id !== 'string' || typeof user.color !== 'string') return null
    return { id: user.id, color: user.color, since: typeof user.since === 'number' ? user.since : 0 }
  }
  /** Did anything that decides colours change among these clients? */
  const noticed = (clients: readonly number[]): boolean => {
    let changed = false
    for (const clientId of clients) {
      if (clientId === awareness.clientID) continue
      const holder = holderOf(awareness.getStates().get(clientId))
      const key = holder ? `${holder.id} ${holder.color} ${holder.since}` : ''
      if ((seen.get(clientId) ?? '') === key) continue
      if (key) seen.set(clientId, key)
      else seen.delete(clientId)
      changed = true
    }
    return changed
  }
  const check = (change?: { added: number[]; updated: number[]; removed: number[] }) => {
    const local = awareness.getLocalState() as Presence | null
    const me = holderOf(local)
    if (!local || !me) return
    const clients = change
      ? [...change.added, ...change.updated, ...change.removed]
      : [...awareness.getStates().keys()]
    if (!noticed(clients) && me.color === mine) return
    const others: ColorHolder[] = []
    for (const [clientId, state] of awareness.getStates()) {
      const holder = clientId === awareness.clientID ? null : holderOf(state)
      if (holder) others.push(holder)
    }
    mine = distinctColor(me, others)
    if (mine !== me.color) awareness.setLocalStateField('user', { ...local.user, color: mine })
  }
  awareness.on('change', check)
  check()
  return () => awareness.off('change', check)
}

/** Removes this person from everyone's "who is here". */
export function leavePresence(awareness: Awareness): void {
  awareness.setLocalState(null)
}

/**
 * Shares which objects this person has selected (others see them outlined in this person's colour):
 * the first SHARED_SELECTION_MAX of them, so the state stays within the relay's size limit.
 */
export function setPresenceSelection(awareness: Awareness, ids: readonly string[]): void {
  if (awareness.getLocalState() === null) return
  awareness.setLocalStateField('selection', ids.slice(0, SHARED_SELECTION_MAX))
}

export interface CursorPublisher {
  /** The pointer in world coordinates of a canvas, or null when it leaves the board. */
  publish(cursor: CursorPosition | null): void
  /** The middle of this person's view (where "Go to" leads when the cursor is not shown). */
  publishView(view: ViewPosition | null): void
  /** While hidden, others get no cursor at all for this person, wherever the pointer goes. */
  setCursorHidden(hidden: boolean): void
  dispose(): void
}

/**
 * A throttled sender of the cursor and the view: the latest values win, and both go out in one
 * awareness update at most once per interval. Sending them together keeps their order: whatever
 * others see of the view, the cursor they see is at least as recent.
 */
export function createCursorPublisher(awareness: Awareness): CursorPublisher {
  let cursor: CursorPosition | null = null
  let view: ViewPosition | null = null
  let hidden = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const state = awareness.getLocalState()
    if (state === null) return
    awareness.setLocalState({ ...state, cursor: hidden ? null : cursor, view })
  }
  const schedule = () => {
    timer ??= setTimeout(flush, CURSOR_INTERVAL_MS)
  }
  return {
    publish(next) {
      cursor = next
      // Hiding the cursor goes out at once so it does not linger where the pointer left.
      if (next === null) flush()
      else if (!hidden) schedule()
    },
    publishView(next) {
      view = next
      schedule()
    },
    setCursorHidden(next) {
      hidden = next
      flush()
    },
    dispose() {
      clearTimeout(timer)
    },
  }
}
