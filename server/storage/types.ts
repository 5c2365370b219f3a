/** One document update waiting to be stored for a room. */
export interface StoredUpdate {
  readonly room: string
  readonly update: Uint8Array
}

/**
 * Durable storage of room documents as a log of Yjs updates. The relay calls it; it knows nothing
 * about the relay. `append` resolves only once the updates would survive a crash of the process.
 */
export interface DocStorage {
  /** Every stored update of a room (its snapshot first, if compacted), in order. */
  load(room: string): Promise<Uint8Array[]>
  /** Stores a batch of updates for any rooms in one transaction; durable when it resolves. */
  append(batch: readonly StoredUpdate[]): Promise<void>
  /** Replaces every stored row of a room with one merged state, in one transaction. */
  compact(room: string, state: Uint8Array): Promise<void>
  /** Names of the stored rooms that start with a prefix (e.g. a session's private rooms). */
  listRooms(prefix: string): Promise<string[]>
  /** Deletes every document of a session (its board room and all `<id>/...` rooms). */
  deleteSessionDocs(sessionId: string): Promise<void>
}

export interface SessionRecord {
  readonly id: string
  readonly title: string
  readonly template: string
  readonly createdAt: number
  /** SHA-256 of each role's key; the keys themselves are never stored. */
  readonly keyHashes: { readonly facilitator: Buffer; readonly participant: Buffer; readonly viewer: Buffer }
}

/** The sessions table: ids, titles and hashed keys. */
export interface SessionStore {
  createSession(record: SessionRecord, initialDocs: readonly StoredUpdate[]): Promise<void>
  getSession(id: string): Promise<SessionRecord | undefined>
  deleteSession(id: string): Promise<boolean>
}

export interface Storage extends DocStorage, SessionStore {
  close(): void
}
