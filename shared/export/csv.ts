import {
  creditFor,
  frameOf,
  frameTitle,
  isExportable,
  storyCreditFor,
  type SessionSnapshot,
} from './snapshot'

/** Kinds that carry words or pictures worth a row (strokes and shapes are drawing, not content). */
const CONTENT_KINDS = new Set(['sticky', 'text', 'image', 'recipe', 'story', 'frame'])

/** Spaces (\s covers NBSP, ideographic space and BOM; plus zero-width ones) then a formula sign. */
const FORMULA_START = /^[\t\r]|^[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/

/**
 * A cell as RFC 4180 wants it: quoted when it holds a comma, quote or line break, quotes doubled.
 * Cells that a spreadsheet would run as a formula get a leading apostrophe: those starting with
 * a tab or CR, or with a sign (=, +, -, @, their full-width forms, the minus sign) after any
 * spaces, since spreadsheets trim leading (also non-breaking and ideographic) spaces and some
 * read full-width signs as ASCII ones.
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One row per object (canvas, frame/theme, kind, content note, text, author, votes, created, lang),
 * UTF-8 with a BOM for spreadsheets. The content note comes before the text it warns about; a story's
 * author is its storyteller as credited.
 */
export function toCsv(s: SessionSnapshot): string {
  // lang: the text's language tag (BCP 47), empty for the session's own language
  const header = ['canvas', 'frame', 'kind', 'content_note', 'text', 'author', 'votes', 'created', 'lang']
  const canvasName = new Map(s.canvases.map((c) => [c.id, c.name]))
  const order = new Map(s.canvases.map((c, i) => [c.id, i]))
  const frames = s.objects.filter((o) => o.kind === 'frame')
  const rows = s.objects
    .filter((o) => isExportable(o) && CONTENT_KINDS.has(o.kind) && canvasName.has(o.canvas))
    .sort((a, b) => order.get(a.canvas)! - order.get(b.canvas)! || a.createdAt - b.createdAt)
    .map((o) => [
      canvasName.get(o.canvas) ?? '',
      frameTitle(frameOf(o, frames)),
      o.kind,
      o.contentNote,
      plainText(o),
      o.kind === 'story'
        ? storyCreditFor(o, s.facilitation.anonymous)
        : creditFor(o, s.facilitation.anonymous),
      s.facilitation.results[o.id] ?? 0,
      new Date(o.createdAt).toISOString(),
      o.lang,
    ])
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}

function plainText(o: SessionSnapshot['objects'][number]): string {
  switch (o.kind) {
    case 'image':
      return o.props.alt.trim() || 'No description'
    case 'recipe':
      return [o.props.title, o.text].filter(Boolean).join('\n')
    case 'story':
      return [o.props.title, o.text].filter(Boolean).join('\n')
    case 'frame':
      return o.props.title
    default:
      return o.text
  }
}
