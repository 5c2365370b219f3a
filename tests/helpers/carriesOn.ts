import * as Y from 'yjs'
import { expect } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { loadStoredDoc, noteTexts } from './board'
import type { Harness } from './harness'
import type { RawSocket } from './raw'
import { createSession, synced, type Client, type CreatedSession } from './server'

/*
 * What every bad-input test checks afterwards: the server and every other connection carry on.
 */

export const alice = createOrigin('u-alice', 'Alice')
export const bob = createOrigin('u-bob', 'Bob')
export const BEFORE = 'written before the bad input'
export const CLOSE_PROTOCOL = 1002
export const CLOSE_UNSUPPORTED = 1003
export const CLOSE_POLICY = 1008
export const CLOSE_TOO_BIG = 1009

export interface Seeded extends CreatedSession {
  /** A good client connected before the bad input and kept open through it. */
  readonly bystander: Client
}

/** A session with a note written by a good client and stored, and a bystander client left open. */
export async function seed(h: Harness): Promise<Seeded> {
  const session = await createSession(h.server.http)
  const writer = h.open(session.id, session.keys.participant)
  await synced(writer)
  addObject(writer.doc, { kind: 'sticky', canvas: 'c1', x: 0, y: 0, text: BEFORE }, alice)
  const bystander = h.open(session.id, session.keys.facilitator)
  await expect.poll(() => noteTexts(bystander.doc)).toEqual([BEFORE])
  return { ...session, bystander }
}

/**
 * After bad input: the bystander is still connected, new stock clients sync and exchange an edit,
 * every stored row still decodes, and (with `restart`) a fresh client of a new server sees it all.
 */
export async function expectCarriesOn(
  h: Harness,
  s: Seeded,
  tag: string,
  { restart = false } = {},
): Promise<void> {
  expect(s.bystander.provider.wsconnected).toBe(true)
  const a = h.open(s.id, s.keys.participant)
  const b = h.open(s.id, s.keys.participant)
  await Promise.all([synced(a), synced(b)])
  expect(noteTexts(a.doc)).toEqual([BEFORE])
  const after = `after ${tag}`
  addObject(a.doc, { kind: 'sticky', canvas: 'c1', x: 100, y: 0, text: after }, bob)
  await expect.poll(() => noteTexts(b.doc)).toEqual([after, BEFORE])
  await expect.poll(() => noteTexts(s.bystander.doc)).toEqual([after, BEFORE])

  await h.server.app.relay.flushed()
  const stored = await loadStoredDoc(h.server.storage, s.id)
  expect(noteTexts(stored.doc)).toEqual([after, BEFORE])

  if (!restart) return
  await h.restart()
  const fresh = h.open(s.id, s.keys.viewer)
  await synced(fresh)
  expect(noteTexts(fresh.doc)).toEqual([after, BEFORE])
}

/** Opens a raw socket and waits until the server has loaded the room (its sync step 1 arrived). */
export async function rawInRoom(h: Harness, room: string, key: string): Promise<RawSocket> {
  const raw = h.raw(room, key)
  await raw.opened
  await expect.poll(() => raw.received.length).toBeGreaterThan(0)
  return raw
}

/** A real Yjs update adding a note, made on a document of its own. */
export function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  addObject(doc, { kind: 'sticky', canvas: 'c1', x: 5, y: 5, text }, alice)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Counts how often the given clients lose their connection from now on. */
export function countDisconnects(...clients: Client[]): () => number {
  let count = 0
  for (const c of clients) c.provider.on('connection-close', () => count++)
  return () => count
}

/** Deterministic bytes from a small LCG, so a failing run can be repeated exactly. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    out[i] = x >>> 24
  }
  return out
}

/** The server's in-memory document of an open room (a look inside, for what no client can see). */
export function serverDoc(h: Harness, room: string): Y.Doc | undefined {
  const rooms = (h.server.app.relay as unknown as { rooms: Map<string, { doc: Y.Doc }> }).rooms
  return rooms.get(room)?.doc
}
