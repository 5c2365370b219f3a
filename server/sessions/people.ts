import { randomBytes } from 'node:crypto'
import { ownerOfToken } from '../../shared/identity'
import { nameKey } from '../names'
import { myObjectIds, setHidden } from '../../shared/ops/contributions'
import { createOrigin } from '../../shared/ops/origin'
import { boardRoom, controlRoom, facilitatorRoom } from '../../shared/rooms'
import { isAdmitOn, lobbyOf, removedOf } from '../../shared/schema/controlDoc'
import { answersOf } from '../../shared/schema/facilitation'
import { LIMITS } from '../../shared/schema/limits'
import type { Logger } from '../logger'
import type { Relay } from '../relay/relay'
import type { PersonAnswer, PersonRecord, PersonRole, SessionStore, Storage } from '../storage/types'
import { SERVER_ORIGIN, withRoom } from './roomAccess'
import { SessionError } from './service'

/** At most this many people join one session, and this many wait to be admitted at once. */
export const PEOPLE_CAPS = { maxPeople: LIMITS.peopleMax, maxWaiting: 100 } as const
/** Seconds a join refused at a cap is told to wait before trying again. */
export const CAP_RETRY_SECONDS = 30
/** A person's name: 1 to 60 characters once trimmed. */
export const NAME_MAX = 60

/** A new person token: 256 random bits as 43 base64url characters. */
export const newPersonToken = (): string => randomBytes(32).toString('base64url')

/** A join refused at a cap (the HTTP layer answers 429 with Retry-After). */
export class CapError extends Error {}

/**
 * A name someone else in the session goes by (the HTTP layer answers 409). What people add is
 * credited by name in every export: two people of one name could not be told apart there, and a
 * stranger taking a name would put words in that person's mouth.
 */
export class NameTakenError extends Error {
  constructor(readonly taken: string) {
    super(`someone in this session is already called "${taken}": add an initial or a nickname`)
  }
}

/** Refuses a name (as `nameKey` compares names) that another person here or waiting has. */
async function refuseTakenName(storage: Storage, sessionId: string, name: string, self: string | null) {
  const key = nameKey(name)
  const people = await storage.listPeople(sessionId)
  if (people.some((p) => p.id !== self && p.status !== 'removed' && nameKey(p.name) === key))
    throw new NameTakenError(name)
}

/** The origin hiding a removed person's objects names the server (the transaction itself is SERVER_ORIGIN). */
const REMOVAL = createOrigin('server', '')

/** A person as the API shows them. */
export const personView = (p: PersonRecord) => ({
  person: p.id,
  name: p.name,
  role: p.role,
  status: p.status,
  joinedAt: p.joinedAt,
  decidedAt: p.decidedAt,
  decidedBy: p.decidedBy,
})

/** The ids of a session's admitted people: only their private rooms are counted and revealed. */
export async function admittedIds(
  store: Pick<SessionStore, 'listPeople'>,
  sessionId: string,
): Promise<Set<string>> {
  const people = await store.listPeople(sessionId)
  return new Set(people.filter((p) => p.status === 'admitted').map((p) => p.id))
}

/** Is Admit people on for this session (read from its control room)? */
export const admitsPeople = (relay: Relay, sessionId: string): Promise<boolean> =>
  withRoom(relay, controlRoom(sessionId), (room) => isAdmitOn(room.doc))

/** Writes (or with null, removes) one person's answer in the control room's `answers`. */
async function writeAnswer(relay: Relay, sessionId: string, id: string, answer: PersonAnswer | null) {
  await withRoom(relay, controlRoom(sessionId), (room) => {
    const answers = answersOf(room.doc)
    if (answer === null && !answers.has(id)) return
    room.doc.transact(() => {
      if (answer === null) answers.delete(id)
      else answers.set(id, answer)
    }, SERVER_ORIGIN)
  })
}

/** Puts people in the lobby the facilitators see (`true`), or takes them out of it (`false`). */
async function writeLobby(relay: Relay, sessionId: string, entries: [PersonRecord, boolean][]) {
  await withRoom(relay, facilitatorRoom(sessionId), (room) => {
    const lobby = lobbyOf(room.doc)
    room.doc.transact(() => {
      for (const [p, waiting] of entries) {
        if (waiting) lobby.set(p.id, { name: p.name, since: p.joinedAt })
        else if (lobby.has(p.id)) lobby.delete(p.id)
      }
    }, SERVER_ORIGIN)
  })
}

/** Issues a token to someone joining with a facilitator or participant key. */
export async function addPerson(
  storage: Storage,
  relay: Relay,
  sessionId: string,
  role: PersonRole,
  name: string,
  answer: PersonAnswer | null,
): Promise<{ token: string; person: PersonRecord }> {
  await refuseTakenName(storage, sessionId, name, null)
  const waiting = role === 'participant' && (await admitsPeople(relay, sessionId))
  const token = newPersonToken()
  const person: PersonRecord = {
    sessionId,
    id: ownerOfToken(token),
    name,
    role,
    status: waiting ? 'waiting' : 'admitted',
    answer,
    joinedAt: Date.now(),
    decidedAt: null,
    decidedBy: null,
  }
  const added = await storage.addPerson(person, PEOPLE_CAPS)
  if (added === 'full')
    throw new CapError(`this session already has ${PEOPLE_CAPS.maxPeople} people, as many as it can hold`)
  if (added === 'waiting-full')
    throw new CapError(
      `${PEOPLE_CAPS.maxWaiting} people are already waiting to be admitted; try again shortly`,
    )
  if (waiting) await writeLobby(relay, sessionId, [[person, true]])
  else if (answer) await writeAnswer(relay, sessionId, person.id, answer)
  // Admit people turned off while this join was on its way: the lobby it was put in is open now
  if (waiting && !(await admitsPeople(relay, sessionId))) {
    await admit(storage, relay, sessionId, [person.id], ADMIT_OFF)
    return { token, person: (await storage.getPerson(sessionId, person.id)) ?? person }
  }
  await relay.flushed()
  return { token, person }
}

/** The log's actor for someone admitted because Admit people was off by the time they joined. */
const ADMIT_OFF = 'admit-off'

/**
 * Turning Admit people off opens the lobby, as turning a waiting room off does: everyone waiting is
 * admitted at once, logged as admitted by whoever turned it off ('key' for a facilitator key
 * without a token). The server acts on the setting as written, so no client has to call admit-all
 * (and only facilitators may write the setting: the relay refuses anyone else's write).
 */
export function admitWhenAdmitOff(storage: Storage, relay: Relay, log: Logger): void {
  relay.onSettingChanged((sessionId, key, was, by) => {
    if (key !== 'admit' || was !== true) return
    const actor = by?.person ?? 'key'
    void (async () => {
      // turned on again meanwhile: those waiting keep waiting
      if (await admitsPeople(relay, sessionId)) return
      const admitted = await admit(storage, relay, sessionId, null, actor)
      log.info({ session: sessionId, admitted }, 'admit people turned off: everyone waiting admitted')
    })().catch((err: unknown) =>
      log.error(
        { err, session: sessionId },
        'could not admit those waiting when admit people was turned off',
      ),
    )
  })
}

/** A device joining again with its token: the name may change, the answer is replaced. */
export async function rejoin(
  storage: Storage,
  relay: Relay,
  person: PersonRecord,
  name: string | null,
  answer: PersonAnswer | null,
): Promise<PersonRecord> {
  if (name && name !== person.name) await refuseTakenName(storage, person.sessionId, name, person.id)
  const changes = { ...(name ? { name } : {}), ...(answer ? { answer } : {}) }
  const next = (await storage.updatePerson(person.sessionId, person.id, changes)) ?? person
  if (name && name !== person.name) await relay.renamePerson(next.sessionId, next.id, next.name)
  if (next.status === 'waiting' && name) await writeLobby(relay, next.sessionId, [[next, true]])
  if (next.status === 'admitted' && answer) await writeAnswer(relay, next.sessionId, next.id, answer)
  await relay.flushed()
  return next
}

/** Records an admitted person's answer to the commitments (answering again replaces it). */
export async function answer(storage: Storage, relay: Relay, person: PersonRecord, value: PersonAnswer) {
  const next = await storage.updatePerson(person.sessionId, person.id, { answer: value })
  // removed meanwhile: their answer no longer counts
  if (next?.status !== 'admitted') return
  await writeAnswer(relay, person.sessionId, person.id, value)
  await relay.flushed()
}

/** The person of a session a facilitator acts on; 404 when there is none. */
async function subject(storage: Storage, sessionId: string, id: string): Promise<PersonRecord> {
  const person = await storage.getPerson(sessionId, id)
  if (!person) throw new SessionError(404, 'no such person in this session')
  return person
}

/**
 * Admits waiting people (all of them with `ids` null): they may open the board now, their answer
 * to the commitments counts, and the log says who admitted them. Returns how many were admitted.
 */
export async function admit(
  storage: Storage,
  relay: Relay,
  sessionId: string,
  ids: readonly string[] | null,
  actor: string,
): Promise<number> {
  const candidates = ids
    ? await Promise.all(ids.map((id) => subject(storage, sessionId, id)))
    : (await storage.listPeople(sessionId)).filter((p) => p.status === 'waiting')
  const admitted: PersonRecord[] = []
  for (const p of candidates) {
    if (p.status === 'removed') throw new SessionError(409, 'this person was removed from the session')
    if (p.status !== 'waiting') continue
    const at = Date.now()
    const next = await storage.updatePerson(sessionId, p.id, {
      status: 'admitted',
      decidedAt: at,
      decidedBy: actor,
    })
    if (!next) continue
    await storage.appendLog({ sessionId, at, action: 'admitted', actor, subject: p.id })
    admitted.push(next)
  }
  if (admitted.length === 0) return 0
  await writeLobby(
    relay,
    sessionId,
    admitted.map((p) => [p, false]),
  )
  await withRoom(relay, controlRoom(sessionId), (room) => {
    const answers = answersOf(room.doc)
    room.doc.transact(() => {
      for (const p of admitted) if (p.answer) answers.set(p.id, p.answer)
    }, SERVER_ORIGIN)
  })
  await relay.flushed()
  return admitted.length
}

/**
 * Removes a person: their token is refused from now on, every connection of theirs closes (on
 * every instance), their answer no longer counts and their private room is never revealed or
 * counted; with `hide`, everything they added to the board is hidden in one transaction. Returns
 * how many objects were hidden.
 */
export async function remove(
  storage: Storage,
  relay: Relay,
  sessionId: string,
  id: string,
  hide: boolean,
  actor: string,
): Promise<number> {
  if (id === actor) throw new SessionError(400, 'a facilitator cannot remove themself')
  const person = await subject(storage, sessionId, id)
  if (person.status !== 'removed') {
    const at = Date.now()
    await storage.updatePerson(sessionId, id, { status: 'removed', decidedAt: at, decidedBy: actor })
    await storage.appendLog({ sessionId, at, action: 'removed', actor, subject: id })
  }
  relay.closePerson(sessionId, id)
  await withRoom(relay, controlRoom(sessionId), (room) => {
    room.doc.transact(() => {
      answersOf(room.doc).delete(id)
      removedOf(room.doc).set(id, true)
    }, SERVER_ORIGIN)
  })
  await writeLobby(relay, sessionId, [[person, false]])
  let hidden = 0
  if (hide) {
    hidden = await withRoom(relay, boardRoom(sessionId), (room) => {
      const ids = myObjectIds(room.doc, id)
      if (ids.length > 0) room.doc.transact(() => setHidden(room.doc, ids, true, REMOVAL), SERVER_ORIGIN)
      return ids.length
    })
  }
  await relay.flushed()
  return hidden
}
