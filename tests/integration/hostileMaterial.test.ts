import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { parseMaterial } from '../../shared/material/parse'
import { importMaterial, setContentNote } from '../../shared/ops/material'
import { addObject } from '../../shared/ops/objects'
import { objectsOf, writeObject } from '../../shared/schema/boardDoc'
import { KINDS } from '../../shared/schema/kinds'
import {
  board,
  expectAuthorOnly,
  expectHeld,
  exported,
  note,
  serverField,
  type Board,
} from '../helpers/hostile'

/*
 * Content notes and story cards against a hostile participant (Mallory, on a raw socket with her own
 * participant link and token): a content note is its author's or a facilitator's to change, even on
 * a board where anyone may edit anyone's note; a story's props are checked like every kind's.
 */

/** A story map written by hand, with any field overwritten (bad values included), at `id`. */
function rawStory(d: Y.Doc, b: Board, id: string, bad: Record<string, unknown>, by = b.mallory.origin): void {
  const map = writeObject({
    id,
    kind: 'story',
    canvas: b.canvas,
    x: 0,
    y: 0,
    z: 1,
    createdBy: by.userId,
    author: by.name,
    createdAt: Date.now(),
    props: { ...KINDS.story.defaults(), title: 'Mine' },
  })
  for (const [k, v] of Object.entries(bad)) map.set(k, v)
  objectsOf(d).set(id, map)
}

describe('content notes and story cards under a hostile participant', () => {
  it('clearing or rewriting someone else’s content note: refused even on an open board; exports keep it first', async () => {
    const b = await board('collage') // contributions not protected: anyone may edit anyone's note
    const id = await note(b, b.annClient, b.ann.origin, 'what happened at the bus stop')
    setContentNote(b.annClient.doc, [id], 'describes racist abuse', b.ann.origin)
    await expect
      .poll(() => objectsOf(b.attacker.doc).get(id)?.get('contentNote'))
      .toBe('describes racist abuse')

    const attempts: [string, (d: Y.Doc) => void][] = [
      ['removed', (d) => objectsOf(d).get(id)!.delete('contentNote')],
      ['emptied', (d) => objectsOf(d).get(id)!.set('contentNote', '')],
      ['rewritten', (d) => objectsOf(d).get(id)!.set('contentNote', 'nothing to worry about')],
      ['cleared by the ops', (d) => setContentNote(d, [id], '', b.mallory.origin)],
    ]
    for (const [what, change] of attempts)
      expect(await b.attacker.attack(change), what).toMatchObject({
        code: 'author-only',
        object: id,
        field: 'contentNote',
      })
    expect(serverField(b, id, 'contentNote')).toBe('describes racist abuse')
    for (const c of b.honest)
      expect(objectsOf(c.doc).get(id)?.get('contentNote')).toBe('describes racist abuse')

    const md = await exported(b, 'md')
    const warning = md.indexOf('**Content note:** describes racist abuse')
    expect(warning).toBeGreaterThan(0)
    expect(warning).toBeLessThan(md.indexOf('what happened at the bus stop'))
    const csv = await exported(b, 'csv')
    expect(csv).toContain('content_note,text')
    expect(csv).toContain('describes racist abuse,what happened at the bus stop')
    const json = JSON.parse(await exported(b, 'json')) as { objects: { id: string; contentNote: string }[] }
    expect(json.objects.find((o) => o.id === id)?.contentNote).toBe('describes racist abuse')

    // the facilitator may change it: taken, and it reaches everyone
    setContentNote(b.fac.doc, [id], '', b.fay)
    await expect.poll(() => serverField(b, id, 'contentNote')).toBeUndefined()
    await expectHeld(b, { restart: true })
  })

  it('a story with an oversized title, wrong-typed props or a bad content note: refused whole', async () => {
    const b = await board('collage')
    let n = 0
    const bad: [string, Record<string, unknown>][] = [
      ['title', { title: 'x'.repeat(201) }],
      ['credit', { credit: 42 }],
      ['credit', { credit: 'c'.repeat(201) }],
      ['anonymous', { anonymous: 'yes' }],
      ['w', { w: -1 }],
      ['h', { h: 'tall' }],
      ['contentNote', { contentNote: 'n'.repeat(201) }],
      ['contentNote', { contentNote: 42 }],
      ['unknown', { evil: true }],
    ]
    for (const [what, fields] of bad) {
      const id = `bad-story-${++n}`
      expect(await b.attacker.attack((d) => rawStory(d, b, id, fields)), what).toMatchObject({
        code: 'invalid',
        object: id,
      })
      expect(serverField(b, id, 'kind')).toBeUndefined()
    }
    // an honest story of her own, with a content note of her own: taken
    const own = b.attacker.craft((d) => rawStory(d, b, 'own-story', { contentNote: 'grief' }))
    expect(await b.attacker.attempt(own)).toBeNull()
    await expect.poll(() => serverField(b, 'own-story', 'contentNote')).toBe('grief')
    await expectHeld(b)
  })

  it('someone else’s story: an oversized title is refused, the credit and anonymity are the author’s alone', async () => {
    const b = await board('collage')
    const id = addObject(
      b.annClient.doc,
      {
        kind: 'story',
        canvas: b.canvas,
        x: 0,
        y: 0,
        text: 'My story',
        props: { title: 'Arrival', credit: 'Ann' },
      },
      b.ann.origin,
    )
    await expect.poll(() => objectsOf(b.attacker.doc).has(id)).toBe(true)
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.set('title', 't'.repeat(201)))).toMatchObject(
      {
        code: 'invalid',
        object: id,
        field: 'title',
      },
    )
    expect(await b.attacker.attack((d) => objectsOf(d).get(id)!.set('title', 42))).toMatchObject({
      code: 'invalid',
      field: 'title',
    })
    await expectAuthorOnly(b, id, [
      ['credit', 'Mallory'],
      ['anonymous', true],
    ])
    expect(serverField(b, id, 'title')).toBe('Arrival')
    expect(serverField(b, id, 'credit')).toBe('Ann')
    const md = await exported(b, 'md')
    expect(md).toContain('#### Story: Arrival')
    expect(md).toContain('_Told by Ann_')
    await expectHeld(b)
  })

  it('a facilitator’s import of 30 stories is one update, taken and seen by everyone', async () => {
    const b = await board('collage')
    const csv = ['title,story,storyteller']
    for (let i = 1; i <= 30; i++) csv.push(`Story ${i},"The story of ${i}, told in full.",Teller ${i}`)
    const parsed = parseMaterial(csv.join('\n'), 'csv')
    if (!parsed.ok) throw new Error(parsed.error.code)
    let updates = 0
    const count = () => (updates += 1)
    b.fac.doc.on('update', count)
    const { ids } = importMaterial(
      b.fac.doc,
      { canvas: b.canvas, items: parsed.items, title: 'Stories' },
      b.fay,
    )
    b.fac.doc.off('update', count)
    expect(updates).toBe(1)
    for (const c of [b.annClient, b.benClient])
      await expect.poll(() => ids.filter((id) => objectsOf(c.doc).has(id)).length).toBe(30)
    const md = await exported(b, 'md')
    expect(md).toContain('### Stories (30 items)')
    expect(md).toContain('_Told by Teller 30_')
  })
})
