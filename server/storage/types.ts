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
  /**
   * The same, done before it returns, for a storage that can (an embedded database): the relay then
   * stores and relays a quiet room's update in the turn that brought it. Absent where a store must
   * wait (over the network).
   */
  appendNow?(batch: readonly StoredUpdate[]): void
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

export type PersonRole = 'facilitator' | 'participant'
export type PersonStatus = 'waiting' | 'admitted' | 'removed'
export type PersonAnswer = 'agree' | 'discuss'

/**
 * A person the server issued a token to in one session. `id` is the token's hash (ownerOfToken),
 * which also names their private room; the token itself is never stored.
 */
export interface PersonRecord {
  readonly sessionId: string
  readonly id: string
  readonly name: string
  readonly role: PersonRole
  readonly status: PersonStatus
  readonly answer: PersonAnswer | null
  readonly joinedAt: number
  /** When a facilitator admitted or removed them, and who (a person id, or 'key' for a tokenless facilitator). */
  readonly decidedAt: number | null
  readonly decidedBy: string | null
}

/** What may change on a person after they joined. */
export type PersonChanges = Partial<
  Pick<PersonRecord, 'name' | 'status' | 'answer' | 'decidedAt' | 'decidedBy'>
>

/** One line of a session's log: who admitted or removed whom, or renewed which link. */
export interface SessionLogEntry {
  readonly sessionId: string
  readonly at: number
  readonly action: 'admitted' | 'removed' | 'link-renewed'
  /** A facilitator's person id, or 'key' when done with the facilitator key and no token. */
  readonly actor: string
  /** The person concerned, or the role whose link was renewed. */
  readonly subject: string
}

/** How many people one session may hold, and how many of them may wait at once. */
export interface PeopleCaps {
  readonly maxPeople: number
  readonly maxWaiting: number
}

/** Why a person could not be added: the session holds as many people, or waiting people, as it may. */
export type AddPersonResult = 'added' | 'full' | 'waiting-full'

/** The sessions table: ids, titles and hashed keys; each session's people and log. */
export interface SessionStore {
  createSession(record: SessionRecord, initialDocs: readonly StoredUpdate[]): Promise<void>
  getSession(id: string): Promise<SessionRecord | undefined>
  /** Deletes a session with its documents, people and log. */
  deleteSession(id: string): Promise<boolean>
  /** Replaces one role's key hash (a renewed link): the old key stops working at once. */
  setKeyHash(sessionId: string, role: keyof SessionRecord['keyHashes'], hash: Buffer): Promise<void>
  /** Adds a person, unless the session is at one of its caps (checked and added atomically). */
  addPerson(person: PersonRecord, caps: PeopleCaps): Promise<AddPersonResult>
  getPerson(sessionId: string, id: string): Promise<PersonRecord | undefined>
  /** Changes a person's fields; the record after, or undefined if there is no such person. */
  updatePerson(sessionId: string, id: string, changes: PersonChanges): Promise<PersonRecord | undefined>
  /** Everyone who joined a session, in the order they joined. */
  listPeople(sessionId: string): Promise<PersonRecord[]>
  appendLog(entry: SessionLogEntry): Promise<void>
  /** A session's log, oldest first. */
  readLog(sessionId: string): Promise<SessionLogEntry[]>
}

export interface Storage extends DocStorage, SessionStore {
  close(): void
}
