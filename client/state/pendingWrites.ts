/**
 * Writes a field holds back for a moment (typing saved a few times a second, useDebouncedSave). Before
 * a room's document is copied into a fresh one (after a refusal, roomConnection.ts) they are made,
 * so the copy carries the last words typed, not only those saved before.
 */
const flushers = new Set<() => void>()

/** Registers a write held back; returns its release (call it once the write is made or dropped). */
export function holdPendingWrite(flush: () => void): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

/** Makes every write held back now. */
export function flushPendingWrites(): void {
  for (const flush of [...flushers]) flush()
}
