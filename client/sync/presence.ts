import type { Awareness } from 'y-protocols/awareness'
import { SHARED_SELECTION_MAX, type Presence } from '../../shared/presence'

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
