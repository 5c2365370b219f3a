import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setQuote } from '../../shared/ops/quotes'
import { objectsOf } from '../../shared/schema/boardDoc'
import type { Writer } from '../../shared/schema/rules'
import { serverDoc } from '../helpers/carriesOn'
import { board, exported, expectHeld, note, ownNote, type Board } from '../helpers/hostile'

/*
 * "Mark as quote" against a hostile participant (Mallory, on a raw socket with her own participant
 * link and token): a note's quote mark is its author's or a facilitator's to set, even on a board
 * where anyone may edit anyone's note, since it decides what the insight report sets apart.
 */

const quoteOf = (b: Board, id: string): unknown => objectsOf(serverDoc(b.h, b.s.id)!).get(id)?.get('quote')

describe('quotes under a hostile participant', () => {
  it('marking or unmarking someone else’s note as a quote: refused on an open board; the author and facilitators may', async () => {
    const b = await board('collage') // contributions not protected: anyone may edit anyone's note
    const id = await note(b, b.annClient, b.ann.origin, 'We were never asked')

    const attempts: [string, (d: Y.Doc) => void][] = [
      ['marked', (d) => objectsOf(d).get(id)!.set('quote', true)],
      ['a wrong type', (d) => objectsOf(d).get(id)!.set('quote', 'yes')],
    ]
    for (const [what, change] of attempts)
      expect(await b.attacker.attack(change), what).toMatchObject({ object: id })
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.set('quote', true))).toMatchObject({
      code: 'author-only',
      field: 'quote',
    })
    expect(quoteOf(b, id)).toBeUndefined()

    // the author marks it: taken, and everyone has it
    const ann: Writer = { role: 'participant', self: b.ann.origin.userId, protect: false }
    expect(setQuote(b.annClient.doc, [id], true, ann, b.ann.origin)).toBe(1)
    await expect.poll(() => quoteOf(b, id)).toBe(true)
    for (const c of b.honest) await expect.poll(() => objectsOf(c.doc).get(id)?.get('quote')).toBe(true)
    // Mallory cannot take the mark off either
    await expect.poll(() => objectsOf(b.attacker.doc).get(id)?.get('quote')).toBe(true)
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.set('quote', false))).toMatchObject({
      code: 'author-only',
    })
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.delete('quote'))).toMatchObject({
      code: 'author-only',
    })
    expect(quoteOf(b, id)).toBe(true)

    // her own note she may mark; the facilitator may mark or unmark anyone's
    const mine = await ownNote(b, 'My own words')
    expect(await b.attacker.attack((d) => objectsOf(d).get(mine)!.set('quote', true))).toBeNull()
    await expect.poll(() => quoteOf(b, mine)).toBe(true)
    const fay: Writer = { role: 'facilitator', self: b.fay.userId, protect: false }
    expect(setQuote(b.fac.doc, [id], false, fay, b.fay)).toBe(1)
    await expect.poll(() => quoteOf(b, id)).toBe(false)

    // the JSON export carries the mark, so an import keeps it
    const json = JSON.parse(await exported(b, 'json')) as { objects: { id: string; quote?: boolean }[] }
    expect(json.objects.find((o) => o.id === mine)?.quote).toBe(true)
    expect(json.objects.find((o) => o.id === id)?.quote).toBe(false)
    await expectHeld(b, { restart: true })
  })
})
