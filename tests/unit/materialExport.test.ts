import { describe, expect, it } from 'vitest'
import { buildCookbook } from '../../client/export/cookbook'
import { cookbookHtml } from '../../client/export/cookbookHtml'
import { drawableObjects } from '../../client/export/exportObjects'
import { outlineItem } from '../../client/export/outline'
import * as Y from 'yjs'
import { toCsv } from '../../shared/export/csv'
import { buildDocsFromExport, parseExport, toExportJson } from '../../shared/export/json'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { toMarkdown } from '../../shared/export/markdown'
import { obj, snapshotOf } from '../helpers/exportFixtures'

const story = obj('story', 's1', {
  text: 'They shouted at us.\nWe went home.',
  lang: 'en',
  contentNote: 'describes racist abuse',
  props: { title: 'The night', credit: 'Amina' },
})
const note = obj('sticky', 'n1', { text: 'A hard memory', contentNote: 'grief', createdAt: 1 })
const plain = obj('sticky', 'n2', { text: 'Nothing hard here', createdAt: 2 })
const recipe = obj('recipe', 'r1', {
  contentNote: 'mentions self-harm',
  props: { title: 'Soup', credits: ['Ada'] },
})

const before = (text: string, first: string, second: string) => {
  const a = text.indexOf(first)
  const b = text.indexOf(second)
  expect(a, first).toBeGreaterThanOrEqual(0)
  expect(b, second).toBeGreaterThan(a)
}

describe('every export says the content note before the text', () => {
  const s = snapshotOf([story, note, plain, recipe])

  it('Markdown: a story block (title, credit, note, text); a note’s warning opens its item', () => {
    const md = toMarkdown(s)
    before(md, '#### Story: The night', '_Told by Amina_')
    before(md, '_Told by Amina_', '> **Content note:** describes racist abuse')
    before(md, '> **Content note:** describes racist abuse', 'They shouted at us.')
    expect(md).toContain('- **Content note:** grief  \n  A hard memory')
    expect(md).toContain('- Nothing hard here')
    before(md, '#### Recipe: Soup', '> **Content note:** mentions self-harm')
  })

  it('CSV: the content_note column comes before the text; a story’s author is its storyteller', () => {
    const csv = toCsv(s)
    expect(csv).toContain('kind,content_note,text,author')
    expect(csv).toContain(
      'story,describes racist abuse,"The night\nThey shouted at us.\nWe went home.",Amina,',
    )
    expect(csv).toContain('sticky,grief,A hard memory,Ada,')
    expect(csv).toContain('sticky,,Nothing hard here,Ada,')
  })

  it('anonymous sessions and anonymous stories credit no one', () => {
    const anon = snapshotOf([story], { facilitation: { anonymous: true } })
    expect(toMarkdown(anon)).toContain('_Told anonymously_')
    expect(toMarkdown(anon)).not.toContain('Amina')
    expect(toCsv(anon)).not.toContain('Amina')
    const drawn = drawableObjects([story], 'c1', true)[0]!
    expect(drawn.kind === 'story' && drawn.props).toMatchObject({ credit: '', anonymous: true })
  })

  it('PDF outline: the warning is its own line before the story; the cook book prints it before the method', () => {
    const item = outlineItem(story, false, 0)
    expect(item.warning).toBe('Content note: describes racist abuse')
    expect(item.text).toBe('Story: The night\nThey shouted at us.\nWe went home.')
    expect(item.detail).toBe('Told by Amina')
    expect(outlineItem(plain, false, 0).warning).toBeUndefined()
    const book = buildCookbook(s)
    expect(book.recipes[0]!.contentNote).toBe('mentions self-harm')
    const html = cookbookHtml(book, '1 January 2026')
    before(html, 'Recipe by Ada', 'Content note: mentions self-harm')
    before(html, 'Content note: mentions self-harm', '</article>')
  })
})

describe('the JSON export', () => {
  it('carries content notes and stories through export → import', () => {
    const s = snapshotOf([story, note, plain])
    const json = JSON.parse(JSON.stringify(toExportJson(s, {}))) as unknown
    const docs = buildDocsFromExport(parseExport(json))
    const board = new Y.Doc()
    Y.applyUpdate(board, docs.board)
    const back = new Map(
      [...objectsOf(board).entries()].flatMap(([id, map]) => {
        const r = readObject(id, map)
        return r.ok ? [[id, r.object] as const] : []
      }),
    )
    expect(back.get('s1')).toMatchObject({
      kind: 'story',
      contentNote: 'describes racist abuse',
      lang: 'en',
      props: { title: 'The night', credit: 'Amina' },
    })
    expect(back.get('n1')?.contentNote).toBe('grief')
    expect(back.get('n2')?.contentNote).toBe('')
    // an export from before content notes (no such field) still imports
    const old = JSON.parse(JSON.stringify(toExportJson(snapshotOf([plain]), {}))) as {
      objects: Record<string, unknown>[]
    }
    for (const o of old.objects) delete o.contentNote
    expect(() => parseExport(old)).not.toThrow()
  })
})
