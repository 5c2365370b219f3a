import type { Room } from './room'

/** When a room's stored rows are compacted into one snapshot. */
export interface CompactionOptions {
  /** Compact a room's stored rows into one snapshot past this many. */
  readonly compactAfterRows: number
  /** A room past this many stored bytes is compacted too (what was removed then stops counting). */
  readonly compactAfterBytes?: number
}

/**
 * Whether a room that grew is due for compaction: past the row count, or a big room grown a quarter
 * past its last snapshot, or (at most once a second) a big room after removals, so that what they
 * free is room again. `recheckIn`: milliseconds after which to look again (removals waiting for
 * that second to pass), or null.
 */
export function compactionDue(
  room: Room,
  options: CompactionOptions,
): { due: boolean; recheckIn: number | null } {
  const sinceLast = performance.now() - room.compactedAt
  const freed = room.removedSinceCompaction && sinceLast > 1000
  const bigRoom = room.bytes > (options.compactAfterBytes ?? Infinity)
  const big = bigRoom && (room.bytes > room.snapshotBytes * 1.25 || freed)
  const recheckIn = bigRoom && room.removedSinceCompaction && !freed ? 1000 - sinceLast : null
  return { due: room.storedRows > options.compactAfterRows || big, recheckIn }
}
