import { describe, expect, it } from 'vitest'
import { drawableObjects, offersCookbook, pagesOf, selectedFrame } from '../../client/export/exportObjects'
import { canvasOutline, drawingCount } from '../../client/export/outline'
import { obj, snapshotOf } from '../helpers/exportFixtures'

const ids = (list: readonly { id: string }[]) => list.map((o) => o.id)

describe('what an export may draw', () => {
  const objects = [
    obj('sticky', 'shared', { author: 'Ada' }),
    obj('sticky', 'withheld', { consent: false }),
    obj('sticky', 'hidden', { hidden: true }),
    obj('sticky', 'elsewhere', { canvas: 'c2' }),
    obj('recipe', 'soup', { props: { credits: ['Ada', 'Grace'] } }),
  ]

  it('leaves out what its author withheld, what a facilitator hid, and other canvases', () => {
    expect(ids(drawableObjects(objects, 'c1', false))).toEqual(['shared', 'soup'])
  })

  it('takes every name off in an anonymous session: authors of notes, credits of recipes', () => {
    const drawn = drawableObjects(objects, 'c1', true)
    expect(drawn.map((o) => o.author)).toEqual(['', ''])
    const soup = drawn.find((o) => o.id === 'soup')
    expect(soup?.kind === 'recipe' && soup.props).toMatchObject({ anonymous: true, credits: [] })
    // the board's own objects are untouched
    expect(objects[0]!.author).toBe('Ada')
  })
})

describe('pages of a canvas', () => {
  const page2 = obj('frame', 'p2', { x: 1000, props: { w: 800, h: 1000, title: 'Two', order: 1 } })
  const page1 = obj('frame', 'p1', { x: 0, props: { w: 800, h: 1000, title: 'One', order: 0 } })
  const inner = obj('frame', 'inner', { x: 100, y: 100, props: { w: 300, h: 300, title: 'Inner', order: 2 } })
  const objects = [
    page2,
    page1,
    inner,
    obj('sticky', 'on1', { x: 500, y: 500 }),
    obj('sticky', 'in-inner', { x: 150, y: 150 }),
    obj('sticky', 'on2', { x: 1100, y: 100 }),
    obj('sticky', 'loose', { x: 5000, y: 0 }),
  ]

  it('is the whole canvas unless frames are pages', () => {
    const pages = pagesOf(objects, { framesAsPages: false })
    expect(pages).toHaveLength(1)
    expect(ids(pages[0]!.objects)).toEqual(ids(objects))
  })

  it('is one page per outer frame in page order, then what lies outside them all', () => {
    const pages = pagesOf(objects, { framesAsPages: true })
    expect(pages.map((p) => p.title)).toEqual(['One', 'Two', 'Not in a frame'])
    expect(ids(pages[0]!.objects)).toEqual(['p1', 'inner', 'on1', 'in-inner'])
    expect(ids(pages[1]!.objects)).toEqual(['p2', 'on2'])
    expect(pages[2]).toMatchObject({ outside: true, frameId: null })
    expect(ids(pages[2]!.objects)).toEqual(['loose'])
  })

  it('is just the selected frame and what it holds when exactly one frame is selected', () => {
    expect(selectedFrame(objects, new Set(['p2', 'on1']))).toBe('p2')
    expect(selectedFrame(objects, new Set(['p1', 'p2']))).toBeNull()
    const pages = pagesOf(objects, { framesAsPages: false, frameId: 'p2' })
    expect(pages.map((p) => [p.title, ids(p.objects)])).toEqual([['Two', ['p2', 'on2']]])
  })
})

describe('the cook book item', () => {
  it('is offered on a recipe wall, or wherever recipe cards are', () => {
    expect(offersCookbook('recipe-wall', [])).toBe(true)
    expect(offersCookbook('sense-making', [obj('recipe', 'r')])).toBe(true)
    expect(offersCookbook('sense-making', [obj('sticky', 's')])).toBe(false)
  })
})

describe('a canvas in words (the PDF text list)', () => {
  const theme = obj('frame', 'theme', { props: { w: 1000, h: 1000, title: 'Gardens', order: 0 } })
  const objects = [
    theme,
    obj('sticky', 'few', { x: 10, y: 10, text: 'Few votes', createdAt: 1 }),
    obj('sticky', 'many', { x: 20, y: 20, text: 'Many votes', author: 'Grace', createdAt: 2 }),
    obj('sticky', 'secret', { x: 30, y: 30, text: 'Not for the report', consent: false }),
    obj('image', 'pic', { x: 5000, props: { alt: '' } }),
    obj('recipe', 'soup', { x: 5000, y: 800, props: { title: 'Soup', credits: ['Ada'] } }),
    obj('stroke', 'line', { x: 5000, props: { points: [0, 0, 10, 10] } }),
  ]
  const s = snapshotOf(objects, { facilitation: { results: { many: 3, few: 1 } } })

  it('groups by frame, most votes first, with who wrote each and the votes', () => {
    expect(canvasOutline(s, 'c1')).toEqual([
      {
        heading: 'Gardens',
        items: [
          { text: 'Many votes', detail: 'Grace · 3 votes' },
          { text: 'Few votes', detail: 'Ada · 1 vote' },
        ],
      },
      {
        heading: 'Not in a frame',
        items: [
          { text: 'Image with no description', detail: 'Ada' },
          { text: 'Recipe: Soup', detail: 'Recipe by Ada' },
        ],
      },
    ])
    expect(drawingCount(s, 'c1')).toBe(1)
  })

  it('names no one in an anonymous session', () => {
    const anonymous = snapshotOf(objects, { facilitation: { anonymous: true } })
    const details = canvasOutline(anonymous, 'c1').flatMap((section) => section.items.map((i) => i.detail))
    expect(details).toEqual(['', '', '', 'Recipe by anonymous'])
  })

  it('gives one frame’s words for a frame page, and the rest for the page outside the frames', () => {
    expect(canvasOutline(s, 'c1', { frameId: 'theme', outside: false })).toEqual([
      {
        heading: null,
        items: [
          expect.objectContaining({ text: 'Many votes' }),
          expect.objectContaining({ text: 'Few votes' }),
        ],
      },
    ])
    const outside = canvasOutline(s, 'c1', { frameId: null, outside: true })
    expect(outside.flatMap((x) => x.items.map((i) => i.text))).toEqual([
      'Image with no description',
      'Recipe: Soup',
    ])
  })
})
