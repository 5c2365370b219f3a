import { describe, expect, it } from 'vitest'
import { toMarkdown } from '../../shared/export/markdown'
import { escapeMarkdown, richToMarkdown, runsToMarkdown } from '../../shared/export/richMarkdown'
import type { RichText } from '../../shared/schema/richBlocks'
import { obj, snapshotOf } from '../helpers/exportFixtures'

const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] })

describe('runsToMarkdown', () => {
  it('writes marks as Markdown, delimiters hugging the words', () => {
    expect(
      runsToMarkdown([
        { text: 'a ' },
        { text: 'bold ', bold: true },
        { text: 'both', bold: true, italic: true },
        { text: ' gone', strike: true },
        { text: ' x()', code: true },
      ]),
    ).toBe('a **bold *both*** ~~gone~~ `x()`')
  })
  it('escapes a note’s own Markdown characters, so a literal * is no emphasis', () => {
    expect(runsToMarkdown([{ text: '2 * 3 = *six*' }, { text: ' _yes_', bold: true }])).toBe(
      '2 \\* 3 = \\*six\\* **\\_yes\\_**',
    )
    expect(runsToMarkdown([{ text: 'a `tick`', code: true }])).toBe('`` a `tick` ``')
  })
  it('escapes what would start a list or heading, without a stray backslash before digits', () => {
    expect(escapeMarkdown('1. not a list\n- nor this\n# nor this')).toBe(
      '1\\. not a list\n\\- nor this\n\\# nor this',
    )
  })
})

describe('richToMarkdown', () => {
  it('writes lists, nested lists, headings as bold lines, quotes and code', () => {
    const rich: RichText = [
      { type: 'heading', level: 2, runs: [{ text: 'Plan' }] },
      para('Intro'),
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [para('one')],
          [para('two'), { type: 'list', ordered: true, start: 3, items: [[para('deep')]] }],
        ],
      },
      { type: 'list', ordered: true, start: 1, items: [[para('first')], [para('second')]] },
      { type: 'quote', blocks: [para('said')] },
      { type: 'code', runs: [{ text: 'x = 1' }] },
    ]
    expect(richToMarkdown(rich)).toEqual([
      '**Plan**  ',
      'Intro',
      '- one',
      '- two',
      '  3. deep',
      '1. first',
      '2. second',
      '> said',
      '```',
      'x = 1',
      '```',
    ])
  })
})

describe('toMarkdown with formatted notes', () => {
  it('keeps a note’s formatting inside its list item, and plain notes as before', () => {
    const rich: RichText = [
      { type: 'paragraph', runs: [{ text: 'Plan: ' }, { text: 'childcare', bold: true }] },
      { type: 'list', ordered: false, start: 1, items: [[para('ask *parents*')]] },
    ]
    const md = toMarkdown(
      snapshotOf([
        obj('sticky', 'n1', { text: 'Plan: childcare\nask *parents*', rich, createdAt: 1 }),
        obj('sticky', 'n2', { text: 'Just *text*', createdAt: 2 }),
      ]),
    )
    expect(md).toContain('- Plan: **childcare**\n  - ask \\*parents\\*\n\n  (*Ada*)')
    expect(md).toContain('- Just \\*text\\* (*Ada*)')
  })
})
