import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseMaterial, MATERIAL_MAX_ITEMS, type MaterialItem } from '../../shared/material/parse'
import { copyObjects, duplicateObjects, parseClipboard, pasteObjects } from '../../shared/ops/clipboard'
import { importMaterial, setContentNote } from '../../shared/ops/material'
import { addObject, createUndo } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { boundsOf, contains, frameContents } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { checkRoomUpdate } from '../../shared/schema/roomRules'
import type { Writer } from '../../shared/schema/rules'

const fay = createOrigin('f'.repeat(43), 'Fay')
const ann = createOrigin('a'.repeat(43), 'Ann')
const facilitator: Writer = { role: 'facilitator', self: fay.userId, protect: false }
const annWrites: Writer = { role: 'participant', self: ann.userId, protect: false }
const benWrites: Writer = { role: 'participant', self: 'b'.repeat(43), protect: false }

function all(doc: Y.Doc): BoardObject[] {
  const out: BoardObject[] = []
  for (const [id, map] of objectsOf(doc).entries()) {
    const r = readObject(id, map)
    if (r.ok) out.push(r.object)
  }
  return out
}

const stories = (n: number): MaterialItem[] => {
  const csv = ['title,story,storyteller,content note,lang']
  for (let i = 1; i <= n; i++)
    csv.push(
      `Story ${i},"The text of story ${i}, told in full.",Teller ${i},${i === 3 ? 'describes abuse' : ''},${i % 2 ? 'en' : 'zh-CN'}`,
    )
  const r = parseMaterial(csv.join('\n'), 'csv')
  if (!r.ok) throw new Error(r.error.code)
  return [...r.items]
}

/** Runs `fn` on a client in sync with `server`; returns the update it makes. */
function updateOf(server: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  fn(client)
  return Y.encodeStateAsUpdate(client, before)
}

describe('importing material', () => {
  it('lays 30 stories out in a grid inside a new frame, beside what the canvas holds, in order', () => {
    const doc = new Y.Doc()
    addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, props: { w: 200, h: 200 } }, ann)
    const { frame, ids, area } = importMaterial(
      doc,
      { canvas: 'c', items: stories(30), title: 'Stories' },
      fay,
    )
    const objects = all(doc)
    const f = objects.find((o) => o.id === frame)!
    expect(f).toMatchObject({ kind: 'frame', props: { title: 'Stories' } })
    expect(area.x).toBeGreaterThan(200) // beside the note, not over it
    const inside = frameContents(f, objects).map((o) => o.id)
    expect(inside.sort()).toEqual([...ids].sort())
    const placed = ids.map((id) => objects.find((o) => o.id === id)!)
    for (const o of placed) expect(contains(boundsOf(f), boundsOf(o))).toBe(true)
    // no two overlap; reading order follows the list
    for (let i = 1; i < placed.length; i++) {
      const [a, b] = [placed[i - 1]!, placed[i]!]
      expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true)
    }
    expect(placed[0]).toMatchObject({
      kind: 'story',
      text: 'The text of story 1, told in full.',
      lang: 'en',
      contentNote: '',
      props: { title: 'Story 1', credit: 'Teller 1', anonymous: false },
    })
    expect(placed[1]!.lang).toBe('zh-CN')
    expect(placed[2]!.contentNote).toBe('describes abuse')
    expect(placed.every((o) => o.z > f.z)).toBe(true)
  })

  it('one Undo takes the whole import back; Redo brings it back whole', () => {
    const doc = new Y.Doc()
    const undo = createUndo(doc, fay)
    addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, fay)
    undo.stopCapturing()
    importMaterial(doc, { canvas: 'c', items: stories(30), title: 'Stories' }, fay)
    expect(all(doc)).toHaveLength(32)
    undo.undo()
    expect(all(doc).map((o) => o.kind)).toEqual(['sticky'])
    undo.redo()
    expect(all(doc)).toHaveLength(32)
  })

  it('the import is one update the relay takes from a facilitator, within one message even at the limits', () => {
    const server = new Y.Doc()
    const long = 'A long story that goes on. '.repeat(60) // ~1.6 KB each
    const items = Array.from({ length: MATERIAL_MAX_ITEMS }, (_, i) => `T${i}\n${long}`).join('\n\n')
    expect(new TextEncoder().encode(items).byteLength).toBeLessThan(512 * 1024)
    const parsed = parseMaterial(items, 'paragraphs')
    if (!parsed.ok) throw new Error(parsed.error.code)
    const update = updateOf(
      server,
      (d) => void importMaterial(d, { canvas: 'c', items: parsed.items, title: 'All' }, fay),
    )
    expect(update.byteLength).toBeLessThan(1024 * 1024)
    expect(checkRoomUpdate('board', server, update, facilitator)).toBeNull()
  })
})

describe('content notes under the board rules', () => {
  function noteWithWarning() {
    const server = new Y.Doc()
    const u = updateOf(server, (d) => {
      addObject(d, { kind: 'sticky', canvas: 'c', x: 0, y: 0, id: 'n1', text: 'hard words' }, ann)
      setContentNote(d, ['n1'], 'describes racist abuse', ann)
    })
    expect(checkRoomUpdate('board', server, u, annWrites)).toBeNull()
    Y.applyUpdate(server, u)
    return server
  }

  it('anyone may edit an open board’s note, but only its author or a facilitator changes its content note', () => {
    const server = noteWithWarning()
    for (const note of ['', 'nothing to see'])
      expect(
        checkRoomUpdate(
          'board',
          server,
          updateOf(server, (d) => setContentNote(d, ['n1'], note, ann)),
          benWrites,
        ),
        `stranger sets "${note}"`,
      ).toMatchObject({ code: 'author-only', object: 'n1', field: 'contentNote' })
    expect(
      checkRoomUpdate(
        'board',
        server,
        updateOf(server, (d) => setContentNote(d, ['n1'], '', ann)),
        annWrites,
      ),
    ).toBeNull()
    expect(
      checkRoomUpdate(
        'board',
        server,
        updateOf(server, (d) => setContentNote(d, ['n1'], 'graphic', fay)),
        facilitator,
      ),
    ).toBeNull()
    expect(
      checkRoomUpdate(
        'board',
        server,
        updateOf(server, (d) => objectsOf(d).get('n1')!.set('contentNote', 'x'.repeat(201))),
        annWrites,
      ),
    ).toMatchObject({ code: 'invalid', field: 'contentNote' })
  })

  it('setContentNote trims, caps and clears', () => {
    const doc = new Y.Doc()
    const id = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, ann)
    setContentNote(doc, [id], '  grief  ', ann)
    expect(objectsOf(doc).get(id)!.get('contentNote')).toBe('grief')
    setContentNote(doc, [id], '', ann)
    expect(objectsOf(doc).get(id)!.has('contentNote')).toBe(false)
    expect(all(doc)[0]!.contentNote).toBe('')
  })
})

describe('copies keep their content note', () => {
  it('duplicating or pasting a card behind a content note keeps the note', () => {
    const doc = new Y.Doc()
    const id = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'hard words' }, ann)
    setContentNote(doc, [id], 'grief', ann)
    const [copy] = duplicateObjects(doc, [id], ann)
    expect(objectsOf(doc).get(copy!)!.get('contentNote')).toBe('grief')
    const data = parseClipboard(JSON.stringify(copyObjects(doc, [id])))!
    const [pasted] = pasteObjects(doc, data, 'c2', { dx: 0, dy: 0 }, ann)
    expect(objectsOf(doc).get(pasted!)!.get('contentNote')).toBe('grief')
  })
})
