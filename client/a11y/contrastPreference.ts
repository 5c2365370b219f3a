import { useSyncExternalStore } from 'react'

/** The person's own choice, remembered on this device; absent means "as the system says". */
export type ContrastChoice = 'more' | 'normal'

const STORAGE_KEY = 'wb-contrast'
const SYSTEM_QUERIES = ['(prefers-contrast: more)', '(forced-colors: active)']

const listeners = new Set<() => void>()
/** The choice made on this page, for when storage is blocked (private mode, sandboxed frame). */
let unsaved: ContrastChoice | null = null

function readChoice(): ContrastChoice | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return stored === 'more' || stored === 'normal' ? stored : unsaved
  } catch {
    return unsaved
  }
}

function systemWantsMore(): boolean {
  return typeof matchMedia === 'function' && SYSTEM_QUERIES.some((q) => matchMedia(q).matches)
}

/** Whether the high-contrast theme is on: the person's choice, else the system's preference. */
export function highContrast(): boolean {
  const choice = readChoice()
  return choice ? choice === 'more' : systemWantsMore()
}

/** Marks the page (`<html data-contrast="more">`) so the stylesheet switches its colours. */
function apply(): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  if (highContrast()) root.dataset.contrast = 'more'
  else delete root.dataset.contrast
}

/** The state as last worked out: components ask on every render, storage and media queries change rarely. */
let current: boolean | null = null

function changed(): void {
  current = null
  apply()
  for (const listener of listeners) listener()
}

function currentContrast(): boolean {
  current ??= highContrast()
  return current
}

/** Turns the high-contrast theme on or off for this person and remembers it on this device. */
export function setHighContrast(on: boolean): void {
  unsaved = on ? 'more' : 'normal'
  try {
    localStorage.setItem(STORAGE_KEY, unsaved)
  } catch {
    // not remembered, but still applied on this page
  }
  changed()
}

/** Applies the theme at start-up and follows the system setting and other tabs' choices. */
export function watchContrast(): void {
  apply()
  if (typeof matchMedia === 'function')
    for (const q of SYSTEM_QUERIES) matchMedia(q).addEventListener('change', changed)
  window.addEventListener('storage', (e) => e.key === STORAGE_KEY && changed())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The high-contrast state for components (the canvas draws notes with stronger edges). */
export function useHighContrast(): boolean {
  return useSyncExternalStore(subscribe, currentContrast, () => false)
}
