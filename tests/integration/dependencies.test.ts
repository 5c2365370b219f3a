import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { addObject, deleteObjects } from '../../shared/ops/objects'
import { loadStoredDoc, noteTexts } from '../helpers/board'
import { BEFORE, alice, expectCarriesOn, rawInRoom, seed, serverDoc } from '../helpers/carriesOn'
import { harness } from '../helpers/harness'
import { metricValue } from '../helpers/metrics'
import { syncUpdateFrame } from '../helpers/raw'
import { synced } from '../helpers/server'

/*
 * Updates whose dependencies are missing: Yjs would keep them pending, forever if what they need
 * never comes, and apply them later against whatever the document has become. The relay does not
 * take them at all (an update is checked whole against the board's rules before it is applied):
 * it asks the author for what is missing, and a stock client answers with everything in one
 * update. What pending.ts bounds (size, time) is kept as a second line of defence.
 */

/** The updates of a document of its own, one per command, in the order they were made. */
function writerUpdates(build: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  build(doc)
  doc.destroy()
  return updates
}

/** Sync step 1 messages (type 0, sub-type 0) among what a raw socket received. */
const step1Count = (received: Uint8Array[]): number =>
  received.filter((m) => {
    const d = decoding.createDecoder(m)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 0
  }).length

const note = (doc: Y.Doc, text: string, x = 0): string =>
  addObject(doc, { kind: 'sticky', canvas: 'c1', x, y: 200, text }, alice)

describe('updates whose dependencies never arrive', () => {
  it('are asked for, never held, stored, relayed or handed out', async () => {
    const h = await harness({ limits: { pending: { maxBytes: 64 * 1024, timeoutMs: 400 } } })
    const s = await seed(h)
    // three commands of one writer; the first never reaches the server
    const [first, second, removal] = writerUpdates((doc) => {
      const id = note(doc, 'first')
      note(doc, 'orphan', 50)
      deleteObjects(doc, [id], alice)
    })
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const asked = step1Count(raw.received)
    raw.ws.send(syncUpdateFrame(second!)) // structs after a gap: pending structs
    raw.ws.send(syncUpdateFrame(removal!)) // deletes an item the server never saw: pending deletions
    // the server asks this socket for what it lacks, as a stock client would be asked
    await expect.poll(() => step1Count(raw.received)).toBeGreaterThan(asked)
    expect(first).toBeDefined()

    // a newcomer's sync carries nothing of it
    const late = h.open(s.id, s.keys.viewer)
    await synced(late)
    expect(noteTexts(late.doc)).toEqual([BEFORE])
    expect(late.doc.store.pendingStructs).toBeNull()
    expect(late.doc.store.pendingDs).toBeNull()

    // nothing waits in the server's document either
    expect(serverDoc(h, s.id)!.store.pendingStructs).toBeNull()
    expect(serverDoc(h, s.id)!.store.pendingDs).toBeNull()
    expect(await metricValue(h.server.http, 'whiteboard_updates_refused_total', 'unknown-items')).toBe(2)
    // not an offence: the socket stays open
    expect(raw.isOpen()).toBe(true)
    await expectCarriesOn(h, s, 'missing dependencies')
    // what was dropped does not come back: the missing dependency arriving now applies only itself
    raw.ws.send(syncUpdateFrame(first!))
    await expect.poll(() => noteTexts(s.bystander.doc)).toContain('first')
    await h.server.app.relay.flushed()
    const stored = await loadStoredDoc(h.server.storage, s.id) // every row whole, nothing pending
    expect(noteTexts(stored.doc)).toContain('first')
    expect(noteTexts(stored.doc)).not.toContain('orphan')
  })

  it('the writer answers the request with everything: applied, stored and relayed together', async () => {
    const h = await harness()
    const s = await seed(h)
    const [first, second] = writerUpdates((doc) => {
      note(doc, 'late dependency')
      note(doc, 'sent first', 50)
    })
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const asked = step1Count(raw.received)
    raw.ws.send(syncUpdateFrame(second!))
    await expect.poll(() => step1Count(raw.received)).toBeGreaterThan(asked)
    // as a stock client answers sync step 1: all the server lacks, in one update
    raw.ws.send(syncUpdateFrame(Y.mergeUpdates([first!, second!])))
    await expect
      .poll(() => noteTexts(s.bystander.doc))
      .toEqual([BEFORE, 'late dependency', 'sent first'].sort())
    await h.server.app.relay.flushed()
    const stored = await loadStoredDoc(h.server.storage, s.id)
    expect(noteTexts(stored.doc)).toEqual([BEFORE, 'late dependency', 'sent first'].sort())
    expect(raw.isOpen()).toBe(true)
  })

  it('however many arrive, none is held and the connection stays open', async () => {
    const h = await harness({ limits: { pending: { maxBytes: 2048, timeoutMs: 60_000 } } })
    const s = await seed(h)
    const updates = writerUpdates((doc) => {
      for (let i = 0; i < 40; i++) note(doc, `chained ${i} ${'z'.repeat(100)}`, i)
    })
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    for (const u of updates.slice(1)) raw.ws.send(syncUpdateFrame(u))
    await expect
      .poll(() => metricValue(h.server.http, 'whiteboard_updates_refused_total', 'unknown-items'))
      .toBe(updates.length - 1)
    expect(raw.isOpen()).toBe(true)
    expect(serverDoc(h, s.id)!.store.pendingStructs).toBeNull()
    const late = h.open(s.id, s.keys.viewer)
    await synced(late)
    expect(late.doc.store.pendingStructs).toBeNull()
    await expectCarriesOn(h, s, 'pending over the limit', { restart: true })
  })

  it('are never part of a compaction', async () => {
    const h = await harness({ compactAfterRows: 3 })
    const s = await seed(h)
    const [, orphan] = writerUpdates((doc) => {
      note(doc, 'never sent')
      note(doc, 'waits forever', 50)
    })
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    const asked = step1Count(raw.received)
    raw.ws.send(syncUpdateFrame(orphan!))
    await expect.poll(() => step1Count(raw.received)).toBeGreaterThan(asked)
    // enough writes to compact the room while the orphan waits (the timeout is 30 s)
    const writer = h.open(s.id, s.keys.participant)
    await synced(writer)
    for (let i = 0; i < 6; i++) note(writer.doc, `compact ${i}`, i * 10)
    await expect.poll(() => noteTexts(s.bystander.doc).length).toBe(7)
    await h.server.app.relay.flushed()
    const stored = await loadStoredDoc(h.server.storage, s.id) // fails if a row holds pending structs
    expect(stored.rows).toBeLessThan(4)
    expect(noteTexts(stored.doc)).not.toContain('waits forever')
  })

  // found by the fuzz test: it decodes, but holds empty deletions; applied, Yjs throws half-way and
  // leaves the document holding an empty deletion in its own state, which then makes every client
  // that syncs it throw ("Caught error while handling a Yjs update") and skip what came after
  const EMPTY_DELETIONS =
    'AROjp9DZBQAnAQdvYmplY3RzJGRmY2U0ODI2LTcwNTgtNGI5Zi1iZjI0LTQ5MjRiZjY0YTc1OQEoAKOn0NkFAAJpZAF3JGRmY2U0ODI2LTcwNTgtNGI5Zi1iZjI0LTQ5MjRiZjY0YTc1OSgAo6fQ2QUABGtpbmQBdwZzdGlja3koAKOn0NkFAAF2AX0BIACjp9DZBQAGY2FudmFzAXcCYzEoAKOn0NkFAAF4AX0FKACjp9DZBQABeQF9kAYoAKOn0NkFAAhyb3RhdGlvbgF9ACgAo6fQ2QUAAXoBfQEoAKOn0NkFAAljcmVhdGVkQnkBdwZ1LWZ1enooAKOn0NkFAAZhdXRob3IBdwRGdXp6KACjp9DZBQAJY3JlYXRlZEF0AXtCeiCe7TyQACgAo6fQAAUAAXcBfYgDKACjp9DZBQABaAF9iAMoAKOn0NkFAAVjb2xvcgF3BnllbGxvdycAo6fQ2QUABHRleHQEBwCjp9DZBQ8DCXBhcmFncmFwaAcAo6fQ2QUQBgQAo6fQ2QURL3JlYWwgNSBycnJycnJycnJycnJycnJycnJycnJycnJycnJycnJycnJycnJycnJyAA=='

  it('an update with empty deletions (found by fuzzing): refused before it can poison the document', async () => {
    const errors = vi.spyOn(console, 'error')
    onTestFinished(() => errors.mockRestore())
    const h = await harness()
    const s = await seed(h)
    const update = new Uint8Array(Buffer.from(EMPTY_DELETIONS, 'base64'))
    expect(() => Y.decodeUpdate(update)).not.toThrow()
    const raw = await rawInRoom(h, s.id, s.keys.participant)
    raw.ws.send(syncUpdateFrame(update))
    const closed = await raw.closed
    expect(closed.code).toBe(1002)
    expect(closed.reason).toMatch(/^not a valid Yjs update: an empty/)
    const doc = serverDoc(h, s.id)!
    expect(doc.store.pendingStructs).toBeNull()
    expect(doc.store.pendingDs).toBeNull()
    // the server's state is still one any client can apply
    expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).not.toThrow()
    await expectCarriesOn(h, s, 'empty deletions', { restart: true })
    expect(errors.mock.calls.map((c) => String(c[0]))).not.toContain(
      'Caught error while handling a Yjs update',
    )
  })
})
