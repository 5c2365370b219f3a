import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { getSchema, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import {
  MAX_RICH_NESTING,
  flattenRich,
  isFormatted,
  plainToRich,
  readRichBlocks,
  type RichBlock,
} from '../../shared/schema/richBlocks'
import { objectsOf, readObject, textOf, writeObject } from '../../shared/schema/boardDoc'

const schema = getSchema([StarterKit.configure({ undoRedo: false, link: false })])

/** A fragment holding what the editor would write for this ProseMirror document. */
function fragmentOf(content: JSONContent[]): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('t')
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, fragment)
  return fragment
}

const text = (t: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
})
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content })

describe('readRichBlocks', () => {
  it('reads marks into runs, merging neighbours with the same marks', () => {
    const rich = readRichBlocks(
      fragmentOf([
        p(
          text('plain '),
          text('bold', 'bold'),
          text(' both', 'bold', 'italic'),
          text(' gone', 'strike'),
          text(' under', 'underline'),
          text(' x()', 'code'),
        ),
      ]),
    )
    expect(rich).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'plain ' },
          { text: 'bold', bold: true },
          { text: ' both', bold: true, italic: true },
          { text: ' gone', strike: true },
          { text: ' under', underline: true },
          { text: ' x()', code: true },
        ],
      },
    ])
    expect(isFormatted(rich)).toBe(true)
  })

  it('reads headings, lists with their start, nested lists, quotes, code and rules', () => {
    const rich = readRichBlocks(
      fragmentOf([
        { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
        {
          type: 'bulletList',
          content: [
            li(p(text('one'))),
            li(p(text('two')), { type: 'bulletList', content: [li(p(text('deep')))] }),
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [li(p(text('third'))), li(p(text('fourth')))] },
        { type: 'blockquote', content: [p(text('quoted'))] },
        { type: 'codeBlock', content: [text('let x = 1')] },
        { type: 'horizontalRule' },
        p(text('a'), { type: 'hardBreak' }, text('b')),
      ]),
    )
    const para = (t: string): RichBlock => ({ type: 'paragraph', runs: [{ text: t }] })
    expect(rich).toEqual([
      { type: 'heading', level: 2, runs: [{ text: 'Title' }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [para('one')],
          [para('two'), { type: 'list', ordered: false, start: 1, items: [[para('deep')]] }],
        ],
      },
      { type: 'list', ordered: true, start: 3, items: [[para('third')], [para('fourth')]] },
      { type: 'quote', blocks: [para('quoted')] },
      { type: 'code', runs: [{ text: 'let x = 1' }] },
      { type: 'rule' },
      para('a\nb'),
    ])
  })

  it('turns unknown or misplaced nodes into plain text and never throws', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('t')
    const weird = new Y.XmlElement('mystery')
    const inner = new Y.XmlText()
    const loose = new Y.XmlText()
    const badHeading = new Y.XmlElement('heading')
    fragment.insert(0, [weird, loose, badHeading])
    weird.insert(0, [inner])
    inner.insert(0, 'strange', { bold: {}, madeUp: true, 'italic--abc': {} })
    loose.insert(0, 'loose text')
    badHeading.setAttribute('level', 'huge' as unknown as string)
    badHeading.insert(0, [new Y.XmlText('h')])
    expect(readRichBlocks(fragment)).toEqual([
      { type: 'paragraph', runs: [{ text: 'strange', bold: true, italic: true }, { text: 'loose text' }] },
      { type: 'heading', level: 1, runs: [{ text: 'h' }] },
    ])
  })

  it('bounds nesting: lists deeper than the limit keep their text as paragraphs', () => {
    let content: JSONContent = p(text('bottom'))
    for (let i = 0; i < MAX_RICH_NESTING + 5; i++) content = { type: 'bulletList', content: [li(content)] }
    const rich = readRichBlocks(fragmentOf([content]))
    const flat = flattenRich(rich)
    expect(flat.map((b) => b.runs.map((r) => r.text).join(''))).toContain('bottom')
    expect(Math.max(...flat.map((b) => b.indent))).toBeLessThanOrEqual(MAX_RICH_NESTING)
  })

  it('survives XML far deeper than any editor writes', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('t')
    let parent: Y.XmlFragment | Y.XmlElement = fragment
    for (let i = 0; i < 1000; i++) {
      const el = new Y.XmlElement(i % 2 ? 'blockquote' : 'odd')
      parent.insert(0, [el])
      parent = el
    }
    expect(() => readRichBlocks(fragment)).not.toThrow()
  })
})

describe('flattenRich', () => {
  it('gives each list item its marker and indent, continuation blocks none', () => {
    const rich = readRichBlocks(
      fragmentOf([
        p(text('intro')),
        { type: 'orderedList', content: [li(p(text('first')), p(text('more'))), li(p(text('second')))] },
        { type: 'bulletList', content: [li(p(text('dot')))] },
      ]),
    )
    expect(flattenRich(rich).map((b) => [b.marker, b.indent, b.runs[0]?.text])).toEqual([
      ['', 0, 'intro'],
      ['1.', 1, 'first'],
      ['', 1, 'more'],
      ['2.', 1, 'second'],
      ['•', 1, 'dot'],
    ])
  })
})

describe('BoardObject.rich', () => {
  it('is read with the object, and unchanged plain text reads as plain paragraphs', () => {
    const doc = new Y.Doc()
    objectsOf(doc).set(
      'n1',
      writeObject({
        id: 'n1',
        kind: 'sticky',
        canvas: 'c1',
        x: 0,
        y: 0,
        z: 0,
        createdBy: 'u',
        author: '',
        createdAt: 0,
        props: { w: 200, h: 200, color: 'yellow' },
      }),
    )
    const fragment = textOf(doc, 'n1')!
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [p(text('Hi '), text('there', 'bold'))] },
      fragment,
    )
    const read = readObject('n1', objectsOf(doc).get('n1')!)
    expect(read.ok && read.object.text).toBe('Hi there')
    expect(read.ok && read.object.rich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Hi ' }, { text: 'there', bold: true }] },
    ])
    expect(plainToRich('a\n\nb')).toEqual([
      { type: 'paragraph', runs: [{ text: 'a' }] },
      { type: 'paragraph', runs: [] },
      { type: 'paragraph', runs: [{ text: 'b' }] },
    ])
    expect(isFormatted(plainToRich('a\nb'))).toBe(false)
  })
})
