import { useSyncExternalStore } from 'react'

/** Widest window with the page's phone layout (styles.css: every `@media (max-width: 720px)`). */
export const PHONE_MAX_WIDTH = 720
const QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`

/**
 * Whether the page has its phone layout: the same media query as the style sheet's, so the two
 * cannot disagree (the board is narrower than the window when a side panel is open). Without a
 * window to ask (unit tests), `fallbackWidth` (the board's width) says.
 */
export function phoneLayout(fallbackWidth: number): boolean {
  return typeof matchMedia === 'function' ? matchMedia(QUERY).matches : fallbackWidth <= PHONE_MAX_WIDTH
}

function subscribe(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {}
  const query = matchMedia(QUERY)
  query.addEventListener('change', changed)
  return () => query.removeEventListener('change', changed)
}

/** The phone layout as React state: re-renders when the window crosses into or out of it. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => phoneLayout(Infinity),
    () => false,
  )
}
