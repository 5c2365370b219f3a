import type { RichBlock, RichRun, RichText } from '../schema/richBlocks'

/** Escapes text so Markdown shows it as written: no emphasis, links, HTML, headings or lists from notes. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#|~!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(?:([-+=])|(\d+)\.)/gm, (_m, space: string, sign?: string, digits?: string) =>
      sign ? `${space}\\${sign}` : `${space}${digits}\\.`,
    )
}

type Mark = 'bold' | 'italic' | 'strike' | 'underline'
/** Outermost first: a change of an inner mark closes and reopens less. */
const MARKS: readonly Mark[] = ['bold', 'italic', 'strike', 'underline']
const OPEN: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '<u>' }
const CLOSE: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '</u>' }

/** A code span that holds any text: its fence is longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * Runs as inline Markdown. Delimiters hug the words (`**bold** text`, never `** bold**`, which
 * Markdown would not read as bold) and stay open across runs that share a mark.
 */
export function runsToMarkdown(runs: readonly RichRun[]): string {
  let out = ''
  let pending = '' // whitespace held until we know whether delimiters close before it
  const open: Mark[] = []
  const closeFrom = (keep: number): void => {
    while (open.length > keep) out += CLOSE[open.pop()!]
  }
  for (const run of runs) {
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? []
    if (core === '') {
      pending += run.text
      continue
    }
    const want = MARKS.filter((m) => run[m] === true)
    let keep = 0
    while (keep < open.length && want.includes(open[keep]!)) keep++
    closeFrom(keep)
    out += pending + lead
    for (const m of want) {
      if (open.includes(m)) continue
      open.push(m)
      out += OPEN[m]
    }
    out += run.code ? codeSpan(core) : escapeMarkdown(core)
    pending = trail
  }
  closeFrom(0)
  return out + pending
}

/** Lines of one text block, hard breaks as Markdown's two-space line ends. */
const textLines = (runs: readonly RichRun[], wrap: (s: string) => string): string[] => {
  const text = runsToMarkdown(runs)
  return text.trim() === ''
    ? []
    : text.split('\n').map((line, i, all) => wrap(line) + (i < all.length - 1 ? '  ' : ''))
}

function blockLines(block: RichBlock, wrap: (s: string) => string): string[] {
  switch (block.type) {
    case 'paragraph':
      return textLines(block.runs, wrap)
    case 'heading':
      // a heading inside a note is a bold line: a real heading would break the report's outline
      return textLines(
        block.runs.map((r) => ({ ...r, bold: true as const })),
        wrap,
      )
    case 'code': {
      const text = block.runs.map((r) => r.text).join('')
      const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((s) => s.length + 1)))
      return [fence, ...text.split('\n'), fence]
    }
    case 'rule':
      return ['* * *']
    case 'quote':
      return blocksToLines(block.blocks, wrap).map((l) => (l ? `> ${l}` : '>'))
    case 'list':
      return block.items.flatMap((item, i) => {
        const marker = block.ordered ? `${block.start + i}. ` : '- '
        const lines = blocksToLines(item, wrap)
        const pad = ' '.repeat(marker.length)
        if (lines.length === 0) return [marker.trimEnd()]
        return lines.map((l, n) => (n === 0 ? marker + l : l ? pad + l : ''))
      })
  }
}

function blocksToLines(blocks: readonly RichBlock[], wrap: (s: string) => string): string[] {
  const lines: string[] = []
  blocks.forEach((block, i) => {
    const next = blocks[i + 1]
    const own = blockLines(block, wrap)
    // one text block after another: a line break between them, as the note shows them
    const textAfter = next && (next.type === 'paragraph' || next.type === 'heading')
    if (own.length > 0 && textAfter && (block.type === 'paragraph' || block.type === 'heading'))
      own[own.length - 1] += '  '
    lines.push(...own)
  })
  return lines
}

/**
 * A note's rich text as Markdown lines: **bold**, *italic*, ~~strike~~, `code`, `- ` and `1. `
 * lists, `> ` quotes; headings as bold lines. Text is escaped, so a note's own `*` stays a `*`.
 * `lang` wraps each line's text in a span saying its language.
 */
export function richToMarkdown(rich: RichText, lang = ''): string[] {
  const wrap = (s: string): string => (lang && s.trim() ? `<span lang="${lang}">${s}</span>` : s)
  return blocksToLines(rich, wrap)
}
