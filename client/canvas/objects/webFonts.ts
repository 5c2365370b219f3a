import { useSyncExternalStore } from 'react'
// @font-face rules for Noto Sans SC in about a hundred small subsets, each with its unicode-range:
// the browser fetches only the subsets holding characters a note actually uses.
import '@fontsource/noto-sans-sc/400.css'

/** The web font that covers Chinese (and much else) where the system has no font for it. */
export const CJK_FAMILY = '"Noto Sans SC"'

/** Text entirely in these ranges (Latin, punctuation) never needs the web font. */
const SYSTEM_ONLY = /^[\u0020-\u024f\u2000-\u206f\s]*$/

let version = 0
const listeners = new Set<() => void>()
/** Characters whose font was already asked for (loaded, or being loaded). */
const requested = new Set<string>()

/**
 * Loads the subsets of the web font that `text` needs. A canvas draws with whatever font is there
 * when it draws (a missing glyph is a box, never redrawn), so the canvas waits for this.
 */
export function loadFontsFor(text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts || SYSTEM_ONLY.test(text)) return Promise.resolve()
  const fresh = [...new Set(text)].filter((c) => !SYSTEM_ONLY.test(c) && !requested.has(c))
  if (fresh.length === 0) return document.fonts.ready.then(() => undefined)
  for (const c of fresh) requested.add(c)
  return document.fonts.load(`400 16px ${CJK_FAMILY}`, fresh.join('')).then(
    () => {
      version++
      for (const listener of listeners) listener()
    },
    () => undefined, // no font: the text shows in whatever the system has
  )
}

/** Changes each time web-font subsets arrive, so measurements made before can be forgotten. */
export const fontsVersion = (): number => version

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * For canvas nodes: starts loading the font `text` needs and returns a number that changes when
 * fonts arrive, so the node draws (and measures) its text again. Latin-only text never re-renders.
 */
export function useFontsFor(text: string): number {
  const needs = !SYSTEM_ONLY.test(text)
  if (needs) void loadFontsFor(text)
  return useSyncExternalStore(
    subscribe,
    () => (needs ? version : 0),
    () => 0,
  )
}
