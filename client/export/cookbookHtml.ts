import { i18n } from '../i18n'
import type { RichBlock, RichRun, RichText } from '../../shared/schema/richBlocks'
import type { Cookbook, CookbookRecipe } from './cookbook'

const t = i18n.t

/** "3 recipes from 2 contributors", or just "3 recipes" when no one is named. */
export function cookbookCount(recipes: number, people: number): string {
  const r = t('export:cookbook.recipes', { count: recipes })
  if (people === 0) return r
  return t('export:cookbook.countFrom', {
    recipes: r,
    people: t('export:cookbook.contributors', { count: people }),
  })
}

/** Text made safe to put in HTML, in an element or an attribute: nothing in it can become markup. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A language tag safe as an attribute (the schema already checks it; this never trusts that). */
const langAttr = (lang: string): string =>
  /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(lang) ? ` lang="${lang}"` : ''

const paragraphs = (text: string): string =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')

/**
 * The cook book as one printable, self-contained HTML page: a cover, contents with links, one recipe
 * per printed page, and an index of contributors. Every field is escaped, and the page's own
 * security policy forbids scripts, so nothing typed on a card can ever run.
 */
export function cookbookHtml(book: Cookbook, date: string, lang = 'en'): string {
  const title = escapeHtml(book.title)
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('export:cookbook.documentTitle', { title: book.title }))}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<p class="kicker">${escapeHtml(t('export:cookbook.kicker'))}</p>
<h1>${title}</h1>
<p>${escapeHtml(cookbookCount(book.recipes.length, book.contributors.length))}</p>
<p class="date">${escapeHtml(t('export:cookbook.made', { date }))}</p>
</header>
${contents(book)}
<main>
${book.recipes.length > 0 ? book.recipes.map(recipe).join('\n') : `<p>${escapeHtml(t('export:cookbook.empty'))}</p>`}
</main>
${contributors(book)}
</body>
</html>
`
}

function contents(book: Cookbook): string {
  const items = book.recipes.map(
    (r) =>
      `<li><a href="#${r.anchor}"${langAttr(r.lang)}>${escapeHtml(r.title)}</a> <span class="toc-credit">${escapeHtml(r.credit)}</span></li>`,
  )
  items.push(`<li><a href="#contributors">${escapeHtml(t('export:cookbook.contributorsHeading'))}</a></li>`)
  return `<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">${escapeHtml(t('export:cookbook.contents'))}</h2>
<ol>
${items.join('\n')}
</ol>
</nav>`
}

function recipe(r: CookbookRecipe): string {
  const parts = [
    `<article class="recipe" id="${r.anchor}" aria-labelledby="${r.anchor}-title"${langAttr(r.lang)}>`,
    `<h2 id="${r.anchor}-title">${escapeHtml(r.title)}</h2>`,
    `<p class="credit">${escapeHtml(r.credit)}</p>`,
  ]
  if (r.theme)
    parts.push(`<p class="theme">${escapeHtml(t('export:cookbook.theme', { theme: r.theme }))}</p>`)
  if (r.votes > 0)
    parts.push(`<p class="votes">${escapeHtml(t('export:cookbook.votes', { count: r.votes }))}</p>`)
  if (r.contentNote)
    parts.push(
      `<p class="content-note"><strong>${escapeHtml(t('material:contentNote.prefix', { note: r.contentNote }))}</strong></p>`,
    )
  if (r.forWhom) parts.push(section(t('export:cookbook.forWhom'), `<p>${escapeHtml(r.forWhom)}</p>`))
  if (r.ingredients.length > 0)
    parts.push(section(t('export:cookbook.ingredients'), list('ul', r.ingredients)))
  if (r.methodRich) parts.push(section(t('export:cookbook.method'), richHtml(r.methodRich)))
  else if (r.method.length > 0) parts.push(section(t('export:cookbook.method'), list('ol', r.method)))
  if (r.tips) parts.push(section(t('export:cookbook.tips'), paragraphs(r.tips)))
  parts.push('</article>')
  return parts.join('\n')
}

const section = (heading: string, body: string): string =>
  `<section>\n<h3>${escapeHtml(heading)}</h3>\n${body}\n</section>`

const list = (tag: 'ul' | 'ol', items: readonly string[]): string =>
  `<${tag}>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</${tag}>`

const TAGS: readonly [keyof RichRun, string][] = [
  ['code', 'code'],
  ['underline', 'u'],
  ['strike', 's'],
  ['italic', 'em'],
  ['bold', 'strong'],
]

/** A run as escaped text in its marks' elements, hard breaks as <br>. */
function runHtml(run: RichRun): string {
  let html = escapeHtml(run.text).replaceAll('\n', '<br>')
  for (const [mark, tag] of TAGS) if (run[mark] === true) html = `<${tag}>${html}</${tag}>`
  return html
}

function blockHtml(b: RichBlock): string {
  const runs = (rs: readonly RichRun[]): string => rs.map(runHtml).join('')
  switch (b.type) {
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`
    case 'heading':
      return `<p><strong>${runs(b.runs)}</strong></p>`
    case 'code':
      return `<pre><code>${runs(b.runs)}</code></pre>`
    case 'quote':
      return `<blockquote>${richHtml(b.blocks)}</blockquote>`
    case 'rule':
      return '<hr>'
    case 'list': {
      const items = b.items.map((item) => `<li>${richHtml(item)}</li>`).join('\n')
      return b.ordered
        ? `<ol${b.start === 1 ? '' : ` start="${Math.trunc(b.start)}"`}>\n${items}\n</ol>`
        : `<ul>\n${items}\n</ul>`
    }
  }
}

/** Rich text as HTML: its marks and lists as elements, every piece of text escaped. */
export const richHtml = (rich: RichText): string => rich.map(blockHtml).join('\n')

function contributors(book: Cookbook): string {
  const people = book.contributors.map(
    (c) =>
      `<li><span class="name">${escapeHtml(c.name)}</span>: ${c.recipes
        .map((r) => `<a href="#${r.anchor}">${escapeHtml(r.title)}</a>`)
        .join(', ')}</li>`,
  )
  const body =
    people.length > 0
      ? `<ul>\n${people.join('\n')}\n</ul>`
      : `<p>${escapeHtml(t('export:cookbook.noContributors'))}</p>`
  const anonymous =
    book.anonymousCount > 0
      ? `\n<p>${escapeHtml(t('export:cookbook.anonymous', { count: book.anonymousCount }))}</p>`
      : ''
  return `<section class="contributors" id="contributors" aria-labelledby="contributors-heading">
<h2 id="contributors-heading">${escapeHtml(t('export:cookbook.contributorsHeading'))}</h2>
${body}${anonymous}
</section>`
}

/** Readable on screen, one recipe per sheet in print (CSS page breaks), links shown as text. */
const STYLE = `
:root { color: #1f2328; background: #fff; font: 16px/1.55 Georgia, 'Times New Roman', serif; }
body { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.25; }
a { color: #1d4ed8; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 2.6rem; margin: 0.2rem 0 1rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.12em; color: #8a4b12; font-weight: 700; margin: 0; }
.date, .toc-credit, .theme, .votes { color: #57606a; }
.toc-credit::before { content: '— '; }
.recipe, .contributors, .toc { border-top: 1px solid #d5d3cd; margin-top: 2.5rem; padding-top: 1rem; }
.credit { font-style: italic; color: #6b4a1e; }
.content-note { color: #8a1c1c; }
@media print {
  :root { font-size: 12pt; }
  body { max-width: none; padding: 0; }
  .cover { min-height: 90vh; }
  .toc, .recipe, .contributors { break-before: page; border-top: 0; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
