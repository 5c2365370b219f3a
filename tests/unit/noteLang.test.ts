import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../shared/export/csv'
import { toMarkdown } from '../../shared/export/markdown'
import { addObject, createUndo, setLang } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { obj, paragraphs, snapshotOf } from '../helpers/exportFixtures'

const ann = createOrigin('u-ann', 'Ann')

const langOf = (doc: Y.Doc, id: string): string => {
  const r = readObject(id, objectsOf(doc).get(id)!)
  return r.ok ? r.object.lang : 'unreadable'
}

describe('a note’s language tag', () => {
  it('setLang tags notes in one undoable transaction with the origin; "" is the board’s language', () => {
    const doc = new Y.Doc()
    const a = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: '你好' }, ann)
    const b = addObject(doc, { kind: 'text', canvas: 'c', x: 0, y: 0, text: 'hola' }, ann)
    expect(langOf(doc, a)).toBe('')
    const undo = createUndo(doc, ann)
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    setLang(doc, [a, b], 'zh-CN', ann)
    expect(origins).toEqual([ann])
    expect([langOf(doc, a), langOf(doc, b)]).toEqual(['zh-CN', 'zh-CN'])
    setLang(doc, [b], 'es', ann)
    expect(langOf(doc, b)).toBe('es')
    undo.stopCapturing()
    setLang(doc, [b], '', ann)
    expect(langOf(doc, b)).toBe('')
    undo.undo()
    expect(langOf(doc, b)).toBe('es')
  })

  it('refuses a malformed tag, changing nothing', () => {
    const doc = new Y.Doc()
    const a = addObject(doc, { kind: 'sticky', canvas: 'c', x: 0, y: 0 }, ann)
    setLang(doc, [a], 'fr', ann)
    for (const bad of ['x" onload="y', 'english please', 'a', `en-${'x'.repeat(60)}`])
      setLang(doc, [a], bad, ann)
    expect(langOf(doc, a)).toBe('fr')
  })

  it('is carried by the Markdown and CSV exports', () => {
    const s = snapshotOf([obj('sticky', 'n1', { text: '大家好', lang: 'zh-CN' })], {
      richText: { n1: paragraphs('大家好') },
    })
    expect(toMarkdown(s)).toContain('<span lang="zh-CN">大家好</span>')
    expect(toCsv(s).split('\r\n')[1]).toMatch(/,zh-CN$/)
  })
})
