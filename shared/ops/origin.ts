/**
 * Who made a change. Every command takes one; the per-user undo manager tracks only its own
 * origin, so undo never takes back someone else's work.
 */
export interface Origin {
  readonly userId: string
  readonly name: string
}

/** Creates the origin object one person's commands share for a session. */
export const createOrigin = (userId: string, name: string): Origin => ({ userId, name })
