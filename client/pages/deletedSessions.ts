import { useSyncExternalStore } from 'react'

/**
 * Sessions this page has deleted. The relay closes every socket of a deleted session, which tells
 * everyone else; the facilitator who deleted it is told here too, in case their own socket was
 * between reconnects and would only ever be refused.
 */
let deleted: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

/** Marks a session as deleted: its page then says so. */
export function markSessionDeleted(id: string): void {
  deleted = new Set([...deleted, id])
  for (const listener of [...listeners]) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Whether this page deleted the session. */
export const useSessionDeleted = (id: string): boolean =>
  useSyncExternalStore(subscribe, () => deleted.has(id))
