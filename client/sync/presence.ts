import type { Awareness } from 'y-protocols/awareness'
import type { Presence } from '../../shared/presence'

/** How often at most a moving cursor is sent to others; enough for smooth motion, light on the relay. */
const CURSOR_INTERVAL_MS = 50

export type PresenceUser = Presence['user']
export type CursorPosition = NonNullable<Presence['cursor']>

/** Makes this person visible to others; called once they have joined, never before. */
export function joinPresence(awareness: Awareness, user: PresenceUser): void {
  const state: Presence = { user, cursor: null, selection: [] }
  awareness.setLocalState(state)
}

/** Removes this person from everyone's "who is here". */
export function leavePresence(awareness: Awareness): void {
  awareness.setLocalState(null)
}

/** Shares which objects this person has selected (others see them outlined in this person's colour). */
export function setPresenceSelection(awareness: Awareness, ids: readonly string[]): void {
  if (awareness.getLocalState() === null) return
  awareness.setLocalStateField('selection', [...ids])
}

/** A throttled cursor sender: the latest position wins, at most one message per interval. */
export function createCursorPublisher(awareness: Awareness): {
  publish(cursor: CursorPosition | null): void
  dispose(): void
} {
  let latest: CursorPosition | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    timer = undefined
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('cursor', latest)
  }
  return {
    publish(cursor) {
      latest = cursor
      // Hiding the cursor goes out at once so it does not linger where the pointer left.
      if (cursor === null) {
        clearTimeout(timer)
        flush()
      } else {
        timer ??= setTimeout(flush, CURSOR_INTERVAL_MS)
      }
    },
    dispose() {
      clearTimeout(timer)
    },
  }
}
