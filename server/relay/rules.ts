import * as Y from 'yjs'
import { isProtected } from '../../shared/schema/controlDoc'
import { openVoteBudget } from '../../shared/schema/facilitation'
import { readGroups, spacesFor, type GroupsState } from '../../shared/schema/groups'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import { recordWriter } from '../../shared/schema/writers'
import { decodeUpdate, type DecodedUpdate } from '../../shared/schema/updateChanges'
import type { Refusal, Writer } from '../../shared/schema/rules'
import type { Role } from '../../shared/rooms'
import { encodeIntegratedState } from './pending'
import { validatedDecoding } from './protocol'
import type { Room, RoomPeer } from './room'

/** The caps on what one update and one room's document may hold. */
export interface DocCaps {
  /** Bytes one update may have (a larger one is refused; the message cap closes the connection past it). */
  readonly maxUpdateBytes: number
  /** Bytes a room's stored document may reach; past it, only updates that remove things are taken. */
  readonly maxRoomBytes: number
  /**
   * The part of a room one participant may fill while it is open (a person by their token; everyone
   * without one together): one person alone cannot fill the board and lock everyone else out.
   * Facilitators are not held to it. 0.25 when not given.
   */
  readonly personShare?: number
}

/** A quarter of a room each: four people at least to fill it (a 5,000-object board is 2 MB of 32). */
const PERSON_SHARE = 0.25

/** A 5,000-object board is about 2 MB; images are stored beside the document, not in it. */
export const DEFAULT_DOC_CAPS: DocCaps = { maxUpdateBytes: 1024 * 1024, maxRoomBytes: 32 * 1024 * 1024 }

/** Whom a connection may credit new objects to (see Writer): a person's names, or for a guest the names taken. */
export type Credit = Pick<Writer, 'names' | 'takenNames'>

/** Who a connection writes as, in this room now (the session's settings are read from its control room). */
export function writerIn(room: Room, role: Role, self: string, credit: Credit = {}): Writer {
  const control = room.control?.room.doc ?? null
  const protect = control !== null && isProtected(control)
  // facilitators write in every group's space; others are told which spaces are closed to them
  const spaces = control && role !== 'facilitator' ? spacesFor(groupsIn(control), self) : null
  // votes are given in a person's private room, while voting is open
  const voteBudget = control && room.info.kind === 'private' ? openVoteBudget(control) : null
  return { role, self, protect, spaces, voteBudget, ...credit }
}

// The groups as the control room's document holds them, read once per change of that document
// (not once per update checked: a board of 200 writers checks many updates between changes).
const groupsCache = new WeakMap<Y.Doc, GroupsState>()
const watched = new WeakSet<Y.Doc>()

function groupsIn(control: Y.Doc): GroupsState {
  let state = groupsCache.get(control)
  if (!state) {
    state = readGroups(control)
    if (!watched.has(control)) {
      watched.add(control)
      control.on('update', () => groupsCache.delete(control))
    }
    groupsCache.set(control, state)
  }
  return state
}

/**
 * Checks an update from a peer against the caps and the room's rules before it is applied: null when
 * it may be applied, else why not (see shared/schema/rules.ts).
 */
export function checkUpdate(
  room: Room,
  { update, decoded, writers }: Incoming,
  writer: Writer,
  caps: DocCaps,
  peer: RoomPeer,
): Refusal | null {
  if (update.byteLength > caps.maxUpdateBytes)
    return { code: 'too-big', detail: `an update may have ${caps.maxUpdateBytes} bytes` }
  for (const client of writers)
    if (!room.mayWriteAs(client, peer, writer.self))
      return { code: 'not-yours', detail: `client ${client} is someone else's` }
  // an update without new structs (its first varuint, the count of clients with structs, is 0) only
  // deletes: always taken, so a full room can be cleaned up
  if (update[0] !== 0 && !fits(room, update.byteLength, caps.maxRoomBytes))
    return { code: 'room-full', detail: `a room may hold ${caps.maxRoomBytes} bytes` }
  if (update[0] !== 0 && writer.role !== 'facilitator') {
    const share = Math.floor(caps.maxRoomBytes * (caps.personShare ?? PERSON_SHARE))
    if ((room.bytesBy.get(writer.self) ?? 0) + update.byteLength > share)
      return { code: 'share-full', detail: `one person may add ${share} bytes to a room` }
  }
  if (!decoded) return { code: 'invalid', detail: 'the update does not decode' }
  return checkRoomUpdate(room.info.kind, room.doc, update, writer, decoded)
}

/**
 * Whether a room has space for this many more bytes. Its count is what was written since the last
 * compaction, removals included; when that says full but things were removed since, the document
 * is measured (at most once a second a room, as it costs a full encoding) so the space they freed
 * counts at once.
 */
function fits(room: Room, bytes: number, cap: number): boolean {
  if (room.bytes + bytes <= cap) return true
  const now = performance.now()
  if (!room.removedSinceCompaction || now - room.measuredAt < 1000) return false
  room.measuredAt = now
  room.removedSinceCompaction = false
  room.bytes = encodeIntegratedState(room.doc).byteLength
  return room.bytes + bytes <= cap
}

/** An update as it arrived, ready to be checked: trimmed, decoded once, and the client ids it writes under. */
export interface Incoming {
  readonly update: Uint8Array
  /** Its structs and delete set (null when it does not decode: the rules check refuses it). */
  readonly decoded: DecodedUpdate | null
  /** The client ids it adds structs under that the room's document does not have yet. */
  readonly writers: readonly number[]
}

/**
 * Decodes an update once, for its clocks and for the rules check. What the room's document already
 * has is trimmed off: a struct the server has in part is placed by Yjs after the part it has, not
 * where the struct's own origin says; trimmed, it is checked where it will really go. (An honest
 * client sends such an overlap when its answer to a sync step 1 crosses its own later updates.)
 */
export function prepare(doc: Y.Doc, raw: Uint8Array): Incoming {
  let update = raw
  // decoded once: decodeMessage's validation already did (the same Y.decodeUpdate)
  const known = validatedDecoding(raw) as unknown as DecodedUpdate | undefined
  let decoded = known ?? decodeUpdate(raw)
  if (!decoded) return { update, decoded, writers: [] }
  if (decoded.structs.some((s) => s.id.clock < Y.getState(doc.store, s.id.client))) {
    update = Y.diffUpdate(raw, Y.encodeStateVector(doc))
    decoded = decodeUpdate(update)
    if (!decoded) return { update, decoded, writers: [] }
  }
  const writers: number[] = []
  for (const s of decoded.structs) {
    const client = s.id.client
    if (
      writers.at(-1) !== client &&
      !writers.includes(client) &&
      s.id.clock + s.length > Y.getState(doc.store, client)
    )
      writers.push(client)
  }
  return { update, decoded, writers }
}

/** Marks the server's record of who writes under a client id (stored and relayed, not checked). */
export const WRITERS_ORIGIN = Symbol('writers')

/**
 * Records who wrote an accepted update's new structs (see Room.writers), and counts its bytes to
 * them. A person's (a token's) client ids are also stored with the room, so they stay theirs once
 * the room is unloaded or the server restarts (shared/schema/writers.ts).
 */
export function claimWriters(room: Room, incoming: Incoming, peer: RoomPeer, self: string): void {
  for (const client of incoming.writers) {
    const known = room.writers.get(client)
    room.claim(client, peer, self)
    if (self !== '' && known?.self !== self) recordWriter(room.doc, client, self, WRITERS_ORIGIN)
  }
  const { update } = incoming
  if (update[0] !== 0) room.bytesBy.set(self, (room.bytesBy.get(self) ?? 0) + update.byteLength)
}
