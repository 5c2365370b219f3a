import { useEffect, useSyncExternalStore, useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { eachFrame } from '../state/eachFrame'

/**
 * Keeps one extra field in this person's awareness state (beside the presence the board sends),
 * setting it again whenever the state is replaced (joining sets a fresh state).
 */
export function usePresenceField(
  awareness: Awareness,
  field: string,
  value: number | boolean | string,
): void {
  useEffect(() => {
    const apply = () => {
      const state = awareness.getLocalState()
      if (state && state[field] !== value) awareness.setLocalStateField(field, value)
    }
    apply()
    awareness.on('change', apply)
    return () => awareness.off('change', apply)
  }, [awareness, field, value])
}

export interface PrivateWriting {
  /** People with at least one private note. */
  readonly people: number
  readonly notes: number
}

/** A store of how many people write privately, and how many notes, from everyone's `privateCount`. */
function createPrivateWritingStore(awareness: Awareness) {
  let cached: PrivateWriting = { people: 0, notes: 0 }
  const get = (): PrivateWriting => {
    let people = 0
    let notes = 0
    for (const state of awareness.getStates().values()) {
      const n: unknown = state.privateCount
      if (typeof n === 'number' && Number.isFinite(n) && n > 0) {
        people++
        notes += Math.min(n, 10_000)
      }
    }
    if (people !== cached.people || notes !== cached.notes) cached = { people, notes }
    return cached
  }
  // once a frame at most: every cursor move in the room is an awareness change
  const subscribe = eachFrame((listener: () => void) => {
    awareness.on('change', listener)
    return () => awareness.off('change', listener)
  })
  return { get, subscribe }
}

/** How many people write privately (facilitators see counts, never the notes). */
export function usePrivateWriting(awareness: Awareness): PrivateWriting {
  const store = useMemo(() => createPrivateWritingStore(awareness), [awareness])
  return useSyncExternalStore(store.subscribe, store.get)
}
