import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setConsent, setHidden } from '../../shared/ops/contributions'
import { addObject } from '../../shared/ops/objects'
import { objectsOf } from '../../shared/schema/boardDoc'
import { board, expectAuthorOnly, expectHeld, exported, note, ownNote, serverField } from '../helpers/hostile'

/*
 * A hostile participant rewrites fields of others' notes that are not theirs to write: what a
 * facilitator decided (hidden, locked), what the author decided (consent), and what never changes
 * (author, createdBy, kind, id). Each update is sent raw, built on the server's own document.
 */

describe('a participant cannot rewrite what is not theirs', () => {
  it('un-hiding a note the facilitator hid: refused, and the export still leaves it out', async () => {
    const b = await board()
    const id = await note(b, b.annClient, b.ann.origin, 'rude words')
    await note(b, b.annClient, b.ann.origin, 'kind words')
    setHidden(b.fac.doc, [id], true, b.fay)
    await expect.poll(() => objectsOf(b.attacker.doc).get(id)?.get('hidden')).toBe(true)

    const denial = await b.attacker.attack((d) => objectsOf(d).get(id)!.set('hidden', false))
    expect(denial).toMatchObject({ code: 'facilitator-only', object: id, field: 'hidden' })
    // removing the field (it falls back to not hidden) is the same change
    const removal = await b.attacker.attack((d) => objectsOf(d).get(id)!.delete('hidden'))
    expect(removal).toMatchObject({ code: 'facilitator-only', object: id, field: 'hidden' })
    expect(serverField(b, id, 'hidden')).toBe(true)
    for (const c of b.honest) expect(objectsOf(c.doc).get(id)?.get('hidden')).toBe(true)
    const md = await exported(b, 'md')
    expect(md).toContain('kind words')
    expect(md).not.toContain('rude words')
    await expectHeld(b, { restart: true })
  })

  it('giving consent for someone else’s note that withheld it: refused, the export leaves it out', async () => {
    const b = await board()
    const id = await note(b, b.annClient, b.ann.origin, 'not for the report')
    setConsent(b.annClient.doc, [id], false, b.ann.origin)
    await expect.poll(() => objectsOf(b.attacker.doc).get(id)?.get('consent')).toBe(false)

    const denial = await b.attacker.attack((d) => objectsOf(d).get(id)!.set('consent', true))
    expect(denial).toMatchObject({ code: 'author-only', object: id, field: 'consent' })
    const removal = await b.attacker.attack((d) => objectsOf(d).get(id)!.delete('consent'))
    expect(removal).toMatchObject({ code: 'author-only', object: id, field: 'consent' })
    expect(serverField(b, id, 'consent')).toBe(false)
    expect(await exported(b, 'md')).not.toContain('not for the report')
    expect(await exported(b, 'csv')).not.toContain('not for the report')
    await expectHeld(b)
  })

  it('rewriting a note’s author or createdBy: refused as fixed; the export credits the real author', async () => {
    const b = await board()
    const id = await note(b, b.annClient, b.ann.origin, 'my idea')
    const attempts: [string, (d: Y.Doc) => void][] = [
      ['author', (d) => objectsOf(d).get(id)!.set('author', 'Mallory')],
      ['createdBy', (d) => objectsOf(d).get(id)!.set('createdBy', b.mallory.origin.userId)],
      [
        'author',
        (d) => {
          objectsOf(d).get(id)!.set('author', 'Mallory')
          objectsOf(d).get(id)!.set('createdBy', b.mallory.origin.userId)
        },
      ],
      ['createdAt', (d) => objectsOf(d).get(id)!.set('createdAt', 1)],
    ]
    for (const [name, change] of attempts)
      expect(await b.attacker.attack(change), name).toMatchObject({ code: 'fixed', object: id, field: name })
    expect(serverField(b, id, 'author')).toBe('Ann Author')
    expect(serverField(b, id, 'createdBy')).toBe(b.ann.origin.userId)
    const md = await exported(b, 'md')
    expect(md).toContain('- my idea (*Ann Author*)')
    expect(md).not.toContain('Mallory')
    await expectHeld(b)
  })

  it('a recipe’s credits and anonymity are its author’s: refused for anyone else; the export credits her', async () => {
    const b = await board('collage')
    const id = addObject(
      b.annClient.doc,
      { kind: 'recipe', canvas: b.canvas, x: 0, y: 0, props: { title: 'Soup for all', credits: ['Ann'] } },
      b.ann.origin,
    )
    await expect.poll(() => objectsOf(b.attacker.doc).has(id)).toBe(true)
    await expectAuthorOnly(b, id, [
      ['credits', ['Mallory']],
      ['anonymous', true],
    ])
    expect(serverField(b, id, 'credits')).toEqual(['Ann'])
    expect(await exported(b, 'md')).toContain('_Recipe by Ann_')
    await expectHeld(b)
  })

  it('changing an object’s kind, id or version, or replacing it at its id: refused as fixed', async () => {
    const b = await board('collage') // nothing protected: only the field's class refuses it
    const id = await note(b, b.annClient, b.ann.origin, 'a note')
    const attempts: [string, (d: Y.Doc) => void][] = [
      ['kind', (d) => objectsOf(d).get(id)!.set('kind', 'text')],
      ['kind', (d) => objectsOf(d).get(id)!.set('kind', 'evil')],
      ['id', (d) => objectsOf(d).get(id)!.set('id', 'another-id')],
      ['v', (d) => objectsOf(d).get(id)!.set('v', 2)],
      [
        'id',
        (d) => {
          // a whole new object written over the live one, same id: a replacement, never allowed
          const fresh = new Y.Map<unknown>()
          for (const [k, v] of objectsOf(d).get(id)!.entries())
            if (!(v instanceof Y.AbstractType)) fresh.set(k, v)
          fresh.set('author', 'Mallory')
          objectsOf(d).set(id, fresh)
        },
      ],
    ]
    for (const [name, change] of attempts)
      expect(await b.attacker.attack(change), name).toMatchObject({ code: 'fixed', object: id, field: name })
    expect(serverField(b, id, 'kind')).toBe('sticky')
    expect(serverField(b, id, 'id')).toBe(id)
    expect(serverField(b, id, 'author')).toBe('Ann Author')
    await expectHeld(b)
  })

  it('writing the facilitators’ fields (hidden, locked), on others’ notes or one’s own: refused', async () => {
    const b = await board('collage')
    const ann = await note(b, b.annClient, b.ann.origin, 'Ann’s note')
    const mine = await ownNote(b, 'Mallory’s note')
    for (const id of [ann, mine])
      for (const name of ['hidden', 'locked'])
        expect(
          await b.attacker.attack((d) => objectsOf(d).get(id)!.set(name, true)),
          `${name} on ${id}`,
        ).toMatchObject({ code: 'facilitator-only', object: id, field: name })
    for (const id of [ann, mine]) {
      expect(serverField(b, id, 'hidden')).toBeUndefined()
      expect(serverField(b, id, 'locked')).toBeUndefined()
    }
    expect(await exported(b, 'md')).toContain('Ann’s note')
    await expectHeld(b)
  })
})
