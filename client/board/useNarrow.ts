import { useSyncExternalStore } from 'react'

/** Phones and narrow windows: the width at which the board folds its header into a menu. */
const NARROW = '(max-width: 720px)'

const query = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW) : null)

function subscribe(listener: () => void): () => void {
  const list = query()
  list?.addEventListener('change', listener)
  return () => list?.removeEventListener('change', listener)
}

/** Whether the screen is narrow (the same breakpoint as the stylesheet's phone layout). */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false)
}
