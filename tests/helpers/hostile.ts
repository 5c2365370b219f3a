import type * as Y from 'yjs'
import { expect, onTestFinished } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin, type Origin } from '../../shared/ops/origin'
import { controlRoom } from '../../shared/rooms'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { readCanvases } from '../../shared/schema/controlDoc'
import { Attacker, clientsOf } from './attacker'
import { loadStoredDoc, noteTexts } from './board'
import { serverDoc } from './carriesOn'
import { harness, type Harness } from './harness'
import {
  createSession,
  joinSession,
  synced,
  type Client,
  type CreatedSession,
  type TestServerOptions,
} from './server'

/*
 * A board with honest people on it and one hostile participant, and what every attack test checks
 * afterwards: the attack was refused, and nobody — the server, its storage, the honest people —
 * has any of it, while the honest people carry on together.
 */

/** Someone who proves who they are with a private token: their notes are theirs. */
export interface Person {
  readonly token: string
  readonly origin: Origin
}

/** Joins a session as a participant: the token the server issued, and commands in that person's name. */
export async function person(http: string, s: CreatedSession, name: string): Promise<Person> {
  const { token, person: id } = await joinSession(http, s.id, s.keys.participant, name)
  return { token, origin: createOrigin(id, name) }
}

export interface Board {
  readonly h: Harness
  readonly s: CreatedSession
  /** The first canvas of the session (what exports list). */
  readonly canvas: string
  readonly fay: Origin
  /** The facilitator on the board and in the control room. */
  readonly fac: Client
  readonly facControl: Client
  readonly ann: Person
  readonly annClient: Client
  readonly ben: Person
  readonly benClient: Client
  readonly mallory: Person
  readonly attacker: Attacker
  /** Everyone honest on the board. */
  readonly honest: Client[]
}

/**
 * A session of `template` ('sense-making' protects contributions, 'collage' does not) with a
 * facilitator, two participants who prove who they are, and Mallory: a participant on a raw socket
 * with her own token.
 */
export async function board(template = 'sense-making', options: TestServerOptions = {}): Promise<Board> {
  const h = await harness(options)
  const s = await createSession(h.server.http, template, 'Hostile room')
  const fay = createOrigin('u-fay', 'Fay Facilitator')
  const ann = await person(h.server.http, s, 'Ann Author')
  const ben = await person(h.server.http, s, 'Ben Bystander')
  const mallory = await person(h.server.http, s, 'Mallory')
  const fac = h.open(s.id, s.keys.facilitator)
  const facControl = h.open(controlRoom(s.id), s.keys.facilitator)
  const annClient = h.open(s.id, s.keys.participant, { token: ann.token })
  const benClient = h.open(s.id, s.keys.participant, { token: ben.token })
  await Promise.all([fac, facControl, annClient, benClient].map(synced))
  const canvas = readCanvases(facControl.doc)[0]!.id
  const attacker = await Attacker.open(h.server.ws, s.id, s.keys.participant, mallory.token)
  onTestFinished(() => attacker.close())
  return {
    h,
    s,
    canvas,
    fay,
    fac,
    facControl,
    ann,
    annClient,
    ben,
    benClient,
    mallory,
    attacker,
    honest: [fac, annClient, benClient],
  }
}

/** Adds a note through a stock client and waits until every honest client and the attacker have it. */
export async function note(b: Board, client: Client, who: Origin, text: string): Promise<string> {
  const id = addObject(client.doc, { kind: 'sticky', canvas: b.canvas, x: 10, y: 10, text }, who)
  for (const c of b.honest) await expect.poll(() => noteTexts(c.doc)).toContain(text)
  await expect.poll(() => objectsOf(b.attacker.doc).has(id)).toBe(true)
  for (const c of b.honest) await expect.poll(() => objectsOf(c.doc).has(id)).toBe(true)
  return id
}

/** GET an export as the facilitator: answered 200, its body. */
export async function exported(b: Board, format: 'md' | 'json' | 'csv'): Promise<string> {
  const res = await fetch(
    `${b.h.server.http}/api/sessions/${b.s.id}/export?format=${format}&key=${b.s.keys.facilitator}`,
  )
  expect(res.status, `export ${format}`).toBe(200)
  return res.text()
}

/** Every object of a document reads without throwing; returns how many read as valid objects. */
export function readsCleanly(doc: Y.Doc): number {
  let valid = 0
  for (const [id, map] of objectsOf(doc).entries()) {
    const read = (() => {
      try {
        return readObject(id, map)
      } catch (err) {
        throw new Error(`object ${id} does not read: ${String(err)}`)
      }
    })()
    if (read.ok) valid++
  }
  return valid
}

let edits = 0

export interface HeldOptions {
  /** Restart the server and check a fresh client too. */
  readonly restart?: boolean
  /** The room attacked (the board by default). */
  readonly room?: string
  /** The honest clients in that room (the board's by default). */
  readonly clients?: readonly Client[]
  /** The attacker (the board's by default). */
  readonly attacker?: Attacker
  /** An honest edit in that room, resolving once every honest client has it (a note by Ben on the board by default). */
  readonly edit?: () => Promise<void>
}

/**
 * After refused attacks: the attacker is still connected; no refused update is in the server's
 * document, its storage (or, with `restart`, a restarted server), or any honest client; and an
 * honest edit made now reaches every honest client.
 */
export async function expectHeld(b: Board, options: HeldOptions = {}): Promise<void> {
  const { restart = false, room = b.s.id, clients = b.honest, attacker = b.attacker } = options
  const refused = [...attacker.refusedIds]
  expect(refused.length, 'some update was refused').toBeGreaterThan(0)
  expect(attacker.open, 'the attacker stays connected').toBe(true)
  const none = (doc: Y.Doc, where: string): void => {
    const has = clientsOf(doc)
    expect(
      refused.filter((id) => has.has(id)),
      `${where} holds a refused update`,
    ).toEqual([])
  }
  none(serverDoc(b.h, room)!, 'the server')
  readsCleanly(serverDoc(b.h, room)!)

  const text = `honest edit ${++edits}`
  const edit =
    options.edit ??
    (async () => {
      addObject(b.benClient.doc, { kind: 'sticky', canvas: b.canvas, x: 0, y: 300, text }, b.ben.origin)
      for (const c of clients)
        await expect.poll(() => noteTexts(c.doc), { message: 'an honest edit arrives' }).toContain(text)
    })
  await edit()
  for (const c of clients) {
    expect(c.provider.wsconnected, 'honest clients stay connected').toBe(true)
    none(c.doc, 'an honest client')
    expect(c.doc.store.pendingStructs, 'nothing waits in an honest client').toBeNull()
    readsCleanly(c.doc)
  }
  await b.h.server.app.relay.flushed()
  const stored = await loadStoredDoc(b.h.server.storage, room)
  none(stored.doc, 'storage')
  expect((await fetch(`${b.h.server.http}/healthz`)).status).toBe(200)
  if (!restart) return
  await b.h.restart()
  const fresh = b.h.open(room, b.s.keys.facilitator)
  await synced(fresh)
  none(fresh.doc, 'a fresh client after a restart')
  if (!options.edit) expect(noteTexts(fresh.doc)).toContain(text)
}

let ownNotes = 0

/** A note Mallory writes honestly, as herself: taken by the server; resolves once it is back with her. */
export async function ownNote(b: Board, text: string): Promise<string> {
  const id = `mallory-${++ownNotes}`
  const crafted = b.attacker.craft(
    (d) => void addObject(d, { kind: 'sticky', canvas: b.canvas, x: 0, y: 0, text, id }, b.mallory.origin),
  )
  expect(await b.attacker.attempt(crafted), 'an honest note of her own').toBeNull()
  await expect.poll(() => objectsOf(b.attacker.doc).has(id)).toBe(true)
  for (const c of b.honest) await expect.poll(() => objectsOf(c.doc).has(id)).toBe(true)
  return id
}

/** A field of an object as the server's document has it. */
export const serverField = (b: Board, id: string, name: string): unknown =>
  objectsOf(serverDoc(b.h, b.s.id)!).get(id)?.get(name)

/** The attacker sets each field of someone else's object to a value: each is refused as its author's alone. */
export async function expectAuthorOnly(
  b: Board,
  id: string,
  changes: readonly (readonly [string, unknown])[],
): Promise<void> {
  for (const [name, value] of changes)
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.set(name, value)), name).toMatchObject({
      code: 'author-only',
      object: id,
      field: name,
    })
}
