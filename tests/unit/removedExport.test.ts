import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../shared/export/csv'
import { toMarkdown } from '../../shared/export/markdown'
import { REMOVED_AUTHOR, readSnapshot } from '../../shared/export/snapshot'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { readCanvases, removedOf } from '../../shared/schema/controlDoc'
import { buildSessionDocs, findTemplate } from '../../shared/templates'

const load = (u: Uint8Array): Y.Doc => {
  const d = new Y.Doc()
  Y.applyUpdate(d, u)
  return d
}

describe('reports and removed people', () => {
  it('name a removed person "Removed person" unless the facilitator includes them', () => {
    const docs = buildSessionDocs(findTemplate('collage')!, 'Wall')
    const [board, control] = [load(docs.board), load(docs.control)]
    const canvas = readCanvases(control)[0]!.id
    const rob = createOrigin('r'.repeat(43), 'Rob Q')
    const ann = createOrigin('a'.repeat(43), 'Ann P')
    addObject(board, { kind: 'sticky', canvas, x: 0, y: 0, text: 'from Rob' }, rob)
    addObject(board, { kind: 'sticky', canvas, x: 0, y: 0, text: 'from Ann' }, ann)
    removedOf(control).set(rob.userId, true)

    const masked = readSnapshot(board, control)
    const authors = (s: typeof masked) => s.objects.filter((o) => o.kind === 'sticky').map((o) => o.author)
    expect(authors(masked).sort()).toEqual(['Ann P', REMOVED_AUTHOR])
    for (const text of [toMarkdown(masked), toCsv(masked)]) {
      expect(text).not.toContain('Rob Q')
      expect(text).toContain('Ann P')
    }
    expect(authors(readSnapshot(board, control, undefined, { includeRemoved: true })).sort()).toEqual([
      'Ann P',
      'Rob Q',
    ])
  })
})
