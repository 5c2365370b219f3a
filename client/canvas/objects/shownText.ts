import { createContext, useContext, useSyncExternalStore } from 'react'
import type { BoardObject } from '../../../shared/schema/kinds'

/**
 * Which texts behind a content note this person chose to read. It is theirs alone and stays on this
 * device (never in the shared document): one person reading a story does not uncover it for others.
 */
export interface ShownText {
  isShown(id: string): boolean
  show(id: string): void
  hide(id: string): void
  subscribe(listener: () => void): () => void
}

/** A store of shown texts, remembered for the browser tab's session under `storageKey` when given. */
export function createShownText(storageKey?: string): ShownText {
  const shown = new Set<string>(load(storageKey))
  const listeners = new Set<() => void>()
  const changed = () => {
    save(storageKey, shown)
    for (const l of listeners) l()
  }
  return {
    isShown: (id) => shown.has(id),
    show: (id) => {
      if (shown.has(id)) return
      shown.add(id)
      changed()
    },
    hide: (id) => {
      if (shown.delete(id)) changed()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function load(key: string | undefined): string[] {
  if (!key || typeof sessionStorage === 'undefined') return []
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

function save(key: string | undefined, shown: ReadonlySet<string>): void {
  if (!key || typeof sessionStorage === 'undefined') return
  try {
    sessionStorage.setItem(key, JSON.stringify([...shown]))
  } catch {
    // storage full or blocked: the choice lasts as long as the page
  }
}

const noop = () => () => {}

/** Every text shown (exports: the content note is drawn first, then the text). */
export const ALL_SHOWN: ShownText = { isShown: () => true, show: () => {}, hide: () => {}, subscribe: noop }

/** Nothing shown until chosen: the default, so a board without a store never uncovers a text. */
const NONE_SHOWN: ShownText = { isShown: () => false, show: () => {}, hide: () => {}, subscribe: noop }

export const ShownTextContext = createContext<ShownText>(NONE_SHOWN)

/** The store of the texts this person chose to read. */
export const useShownTextStore = (): ShownText => useContext(ShownTextContext)

/** May this object's text be shown to this person now: it has no content note, or they chose to read it. */
export function useTextShown(object: Pick<BoardObject, 'id' | 'contentNote'>): boolean {
  const store = useContext(ShownTextContext)
  const shown = useSyncExternalStore(store.subscribe, () => store.isShown(object.id))
  return object.contentNote === '' || shown
}
