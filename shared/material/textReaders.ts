import type { RawItem, ReadResult } from './types'

/*
 * Readers of lists written as text: one item per line, paragraphs, and Markdown. Each takes text
 * whose line breaks are `\n` and gives items with the line they start on.
 */

/** Every non-empty line is one item (a note). */
export function readLines(text: string): ReadResult {
  const items: RawItem[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line !== '') items.push({ title: '', text: line, line: i + 1 })
  })
  return { ok: true, items }
}

interface Block {
  readonly lines: string[]
  readonly line: number
}

/** The blocks of text between blank lines, each line trimmed. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | null = null
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') current = null
    else if (current) current.lines.push(line)
    else {
      current = { lines: [line], line: i + 1 }
      blocks.push(current)
    }
  })
  return blocks
}

/** Blocks between blank lines: a block of one line is a note; of more, its first line is the title of a story. */
export function readParagraphs(text: string): ReadResult {
  const items = blocksOf(text).map(({ lines, line }): RawItem =>
    lines.length === 1
      ? { title: '', text: lines[0]!, line }
      : { title: lines[0]!, text: lines.slice(1).join('\n'), line },
  )
  return { ok: true, items }
}

/**
 * Does plain text read as paragraphs (stories with titles) rather than one item per line? Only when
 * there are several blocks, each of several lines, each opening with a line short enough for a title:
 * a list of lines with a stray blank line in it stays a list.
 */
export function looksLikeParagraphs(text: string): boolean {
  const blocks = blocksOf(text)
  return blocks.length >= 2 && blocks.every((b) => b.lines.length >= 2 && b.lines[0]!.length <= 120)
}

const BULLET = /^( {0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const BOLD_LEAD = /^(\*\*|__)(.+?)\1\s*(?:[:：—–-]\s*)?(.*)$/
const TASK = /^\[[ xX]\]\s+/

/** Markdown's inline marks taken away: the text is stored plain. */
export function plainInline(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_m, t: string, u: string) =>
      t && u ? `${t} (${u})` : t || u,
    )
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^>\s?/, '')
    .trim()
}

interface MdItem {
  title: string
  /** A bullet's first line as written (its bold lead still marked). */
  lead: string
  body: string[]
  line: number
  heading: boolean
}

/**
 * Markdown: each top-level bullet is an item, and each heading with text under it. A bullet that
 * opens with **bold words** takes them as its title; a bullet with lines under it (indented, or a
 * nested list) takes its first line as the title and the rest as the text. A heading with nothing
 * under it, followed by more items, is a section heading: not an item, the first one is the list's title.
 */
export function readMarkdown(text: string): ReadResult {
  const found: MdItem[] = []
  let current: MdItem | null = null
  let blank = false
  let title = ''
  const lines = text.split('\n')
  lines.forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') {
      blank = true
      if (current?.heading && current.body.length > 0) current.body.push('')
      return
    }
    const heading = HEADING.exec(raw)
    const bullet = BULLET.exec(raw)
    if (heading) {
      current = { title: plainInline(heading[2]!), lead: '', body: [], line, heading: true }
      found.push(current)
    } else if (bullet && bullet[1]!.length < 2) {
      const lead = bullet[3]!.replace(TASK, '')
      current = { title: '', lead, body: [plainInline(lead)], line, heading: false }
      found.push(current)
    } else if (current && (current.heading || !blank || /^\s{2,}/.test(raw))) {
      const nested = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(raw)
      current.body.push(nested ? `• ${plainInline(nested[2]!)}` : plainInline(raw))
    } else {
      current = { title: '', lead: raw.trim(), body: [plainInline(raw)], line, heading: false }
      found.push(current)
    }
    blank = false
  })
  const items: RawItem[] = []
  found.forEach((item, i) => {
    const body = item.body.join('\n').trim()
    if (item.heading) {
      if (body === '' && i < found.length - 1) {
        if (title === '') title = item.title // a section heading
        return
      }
      items.push({ title: body === '' ? '' : item.title, text: body || item.title, line: item.line })
      return
    }
    const [first, ...rest] = item.body
    const bold = BOLD_LEAD.exec(item.lead)
    if (bold) {
      const lead = plainInline(bold[2]!)
      const text = [plainInline(bold[3]!), ...rest].join('\n').trim()
      items.push({ title: text ? lead : '', text: text || lead, line: item.line })
    } else if (rest.length > 0)
      items.push({ title: first ?? '', text: rest.join('\n').trim(), line: item.line })
    else items.push({ title: '', text: first ?? '', line: item.line })
  })
  return { ok: true, items, title }
}

/** Does this text read as Markdown (bullets or headings on most of its lines' starts)? */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length === 0) return false
  const marked = lines.filter((l) => BULLET.test(l) || HEADING.test(l)).length
  return marked > 0 && marked >= lines.length / 3
}
