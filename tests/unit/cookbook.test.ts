import { describe, expect, it } from 'vitest'
import { buildCookbook } from '../../client/export/cookbook'
import { cookbookHtml, escapeHtml, richHtml } from '../../client/export/cookbookHtml'
import type { RichText } from '../../shared/schema/richBlocks'
import { obj, paragraphs, snapshotOf } from '../helpers/exportFixtures'

const frames = [
  obj('frame', 'later', { x: 2000, props: { w: 1000, h: 900, title: 'Making decisions', order: 1 } }),
  obj('frame', 'first', { x: 0, props: { w: 1000, h: 900, title: 'Starting together', order: 0 } }),
]
const recipe = (id: string, over: Parameters<typeof obj<'recipe'>>[2] = {}) => obj('recipe', id, over)

const objects = [
  ...frames,
  recipe('circle', { x: 2100, y: 100, props: { title: 'Decision circle', credits: ['grace hopper'] } }),
  recipe('soup', {
    x: 100,
    y: 300,
    props: {
      title: 'Soup for all',
      forWhom: 'New groups',
      ingredients: ['Leeks', ' ', 'Time'],
      tips: 'Long table.\nBring bowls.',
      credits: [' Ada ', 'Grace Hopper', 'ada'],
    },
  }),
  recipe('quiet', { x: 100, y: 100, props: { title: 'Quiet start', credits: ['Ben'], anonymous: true } }),
  recipe('withheld', { x: 100, y: 500, consent: false, props: { title: 'Not shared' } }),
  recipe('hidden', { x: 100, y: 600, hidden: true, props: { title: 'Hidden' } }),
  recipe('other', { canvas: 'c2', props: { title: 'On the second wall', credits: ['Cy'] } }),
]
const richText = { soup: paragraphs('Chop together.', 'Simmer; nobody leads.') }

describe('the cook book’s recipes', () => {
  const book = buildCookbook(snapshotOf(objects, { richText }))

  it('leaves out withheld and hidden cards, and orders by canvas, theme, then top to bottom', () => {
    expect(book.recipes.map((r) => r.title)).toEqual([
      'Quiet start',
      'Soup for all',
      'Decision circle',
      'On the second wall',
    ])
    expect(book.recipes.map((r) => r.anchor)).toEqual(['recipe-1', 'recipe-2', 'recipe-3', 'recipe-4'])
  })

  it('gives each its fields, method steps and full credit line', () => {
    const soup = book.recipes[1]!
    expect(soup).toMatchObject({
      forWhom: 'New groups',
      ingredients: ['Leeks', 'Time'],
      method: ['Chop together.', 'Simmer; nobody leads.'],
      tips: 'Long table.\nBring bowls.',
      credit: 'Recipe by Ada and Grace Hopper',
      contributors: ['Ada', 'Grace Hopper'],
      theme: 'Starting together',
    })
    expect(book.recipes[0]).toMatchObject({ credit: 'Recipe by anonymous', contributors: [] })
  })

  it('indexes each contributor once, whatever the letter case, by name', () => {
    expect(book.contributors.map((c) => [c.name, c.recipes.map((r) => r.title)])).toEqual([
      ['Ada', ['Soup for all']],
      ['Cy', ['On the second wall']],
      ['Grace Hopper', ['Soup for all', 'Decision circle']],
    ])
    expect(book.anonymousCount).toBe(1)
  })

  it('says how many votes a recipe got when the group chose its favourites', () => {
    const voted = buildCookbook(
      snapshotOf(objects, { richText, facilitation: { results: { soup: 3, circle: 1 } } }),
    )
    expect(voted.recipes.map((r) => r.votes)).toEqual([0, 3, 1, 0])
    const page = cookbookHtml(voted, '1 May 2025')
    expect(page).toContain('<p class="votes">A favourite: 3 votes</p>')
    expect(page).toContain('<p class="votes">A favourite: 1 vote</p>')
    expect(page.match(/class="votes"/g)).toHaveLength(2)
  })

  it('credits no one at all in an anonymous session', () => {
    const anonymous = buildCookbook(snapshotOf(objects, { richText, facilitation: { anonymous: true } }))
    expect(new Set(anonymous.recipes.map((r) => r.credit))).toEqual(new Set(['Recipe by anonymous']))
    expect(anonymous.contributors).toEqual([])
    expect(anonymous.anonymousCount).toBe(4)
  })
})

describe('the cook book as a web page', () => {
  const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
  const evil = [
    recipe('evil', {
      lang: 'fr',
      props: {
        title: `Soup ${attack}`,
        forWhom: attack,
        ingredients: [attack],
        tips: attack,
        credits: [`Ada ${attack}`],
      },
    }),
  ]
  const html = cookbookHtml(
    buildCookbook(snapshotOf(evil, { title: `Our ${attack}`, richText: { evil: paragraphs(attack) } })),
    '1 May 2025',
  )

  it('escapes every field, so nothing typed on a card can run', () => {
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain(
      'Soup &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    )
    expect(html).toContain('Recipe by Ada &lt;script&gt;')
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    )
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('has a cover, contents linking to each recipe, one article per recipe and a contributors index', () => {
    const book = buildCookbook(snapshotOf(objects, { richText }))
    const page = cookbookHtml(book, '1 May 2025')
    expect(page.match(/<h1>/g)).toHaveLength(1)
    expect(page).toContain('<h1>Kitchen table</h1>')
    expect(page).toContain('<title>Kitchen table — cook book</title>')
    for (const r of book.recipes) {
      expect(page).toContain(
        `<li><a href="#${r.anchor}">${r.title}</a> <span class="toc-credit">${r.credit}</span></li>`,
      )
      expect(page).toContain(`<article class="recipe" id="${r.anchor}" aria-labelledby="${r.anchor}-title">`)
      expect(page).toContain(`<h2 id="${r.anchor}-title">${r.title}</h2>`)
    }
    expect(page).toMatch(
      /<h3>Method<\/h3>\s*<ol>\s*<li>Chop together\.<\/li>\s*<li>Simmer; nobody leads\.<\/li>/,
    )
    expect(page).toContain('<p>Long table.</p>\n<p>Bring bowls.</p>')
    expect(page).toContain(
      '<li><span class="name">Grace Hopper</span>: <a href="#recipe-2">Soup for all</a>, <a href="#recipe-3">Decision circle</a></li>',
    )
    expect(page).toContain('1 recipe was shared anonymously.')
    // one recipe per printed page
    expect(page).toMatch(/@media print \{[\s\S]*\.recipe[^{]*\{[^}]*break-before: page/)
  })

  it('marks a card’s language, and only a well-formed one', () => {
    expect(html).toContain(
      '<article class="recipe" id="recipe-1" aria-labelledby="recipe-1-title" lang="fr">',
    )
    const odd = cookbookHtml(buildCookbook(snapshotOf([recipe('r', { lang: 'x" onload="y' })])), 'today')
    expect(odd).not.toContain('onload')
  })
})

describe('a formatted method', () => {
  it('keeps its marks and lists in the cook book page, every piece of text escaped', () => {
    const rich: RichText = [
      { type: 'paragraph', runs: [{ text: 'Start ' }, { text: '<slowly>', bold: true }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ type: 'paragraph', runs: [{ text: 'Chop', italic: true }] }],
          [{ type: 'paragraph', runs: [{ text: 'Stir', strike: true }] }],
        ],
      },
    ]
    const book = buildCookbook(snapshotOf([recipe('r', { text: 'Start <slowly>\nChop\nStir', rich })]))
    expect(book.recipes[0]!.methodRich).toEqual(rich)
    expect(richHtml(rich)).toBe(
      '<p>Start <strong>&lt;slowly&gt;</strong></p>\n<ol>\n<li><p><em>Chop</em></p></li>\n<li><p><s>Stir</s></p></li>\n</ol>',
    )
    expect(cookbookHtml(book, 'today')).toContain('<li><p><em>Chop</em></p></li>')
    // plain steps stay numbered steps
    expect(buildCookbook(snapshotOf([recipe('p', { text: 'One\nTwo' })])).recipes[0]!.methodRich).toBeNull()
  })
})
