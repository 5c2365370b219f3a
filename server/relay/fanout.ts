/** What a room hears from the other server instances sharing it. */
export interface RoomFeed {
  /** Updates another instance stored, in stream order, each validated there before it was stored. */
  updates(updates: readonly Uint8Array[]): void
  /** An awareness update another instance accepted from one of its own connections. */
  awareness(update: Uint8Array): void
}

/**
 * How instances of the server share rooms (several instances behind a load balancer). A relay
 * without one is alone: what its storage holds is all there is. With one, every update this
 * instance stores reaches the others through the shared store, and theirs reach this one.
 */
export interface Fanout {
  /**
   * Loads a room's stored state and starts delivering what other instances store after it, with no
   * gap between the two. Resolves with the stored updates (snapshot first).
   */
  open(room: string, feed: RoomFeed): Promise<Uint8Array[]>
  /** Stops delivering a room (it was unloaded here). */
  close(room: string): void
  /** Sends an accepted awareness update to the other instances with this room open. */
  publishAwareness(room: string, update: Uint8Array): void
  /** Tells the other instances a session was deleted, so they close its rooms. */
  publishSessionDeleted(sessionId: string): void
  /** Called when another instance deleted a session. */
  onSessionDeleted(handler: (sessionId: string) => void): void
  /** Tells the other instances a person was removed from a session, so they close that person's connections. */
  publishPersonRemoved(sessionId: string, personId: string): void
  /** Called when another instance removed a person. */
  onPersonRemoved(handler: (sessionId: string, personId: string) => void): void
  /**
   * Tells the other instances a person took a new name, so their connections there present it.
   * Resolves once the others can have it (before the rename is answered); never rejects.
   */
  publishPersonRenamed(sessionId: string, personId: string, name: string): Promise<void>
  /** Called when a person was renamed on another instance. */
  onPersonRenamed(handler: (sessionId: string, personId: string, name: string) => void): void
  /** Stops reading and closes its connections. */
  stop(): Promise<void>
}
