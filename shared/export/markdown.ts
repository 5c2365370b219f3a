import { LANG_AUTONYMS } from '../lang'
import type { BoardObject } from '../schema/kinds'
import { creditLine } from '../schema/kinds/recipe'
import { LIMITS } from '../schema/limits'
import { isFormatted } from '../schema/richBlocks'
import type { RichNode } from '../schema/richText'
import { escapeMarkdown, richToMarkdown } from './richMarkdown'
import {
  creditFor,
  frameOf,
  frameTitle,
  isExportable,
  reactionCounts,
  storyCreditFor,
  type SessionSnapshot,
} from './snapshot'

export { escapeMarkdown } from './richMarkdown'

const withLang = (text: string, lang: string): string => (lang ? `<span lang="${lang}">${text}</span>` : text)

/** Lines indented under a list item, so multi-line notes stay inside it (plain notes: hard breaks). */
const indent = (text: string, join = '  \n  '): string => text.split('\n').join(join)

/** The session as a Markdown report: commitments, agenda, then each canvas's content by frame, by votes. */
export function toMarkdown(s: SessionSnapshot, exportedAt = new Date()): string {
  const out: string[] = [`# ${escapeMarkdown(s.title || 'Untitled session')}`, '']
  out.push(
    `Exported ${exportedAt.toISOString().slice(0, 10)}${s.facilitation.anonymous ? ' · anonymous session' : ''}`,
    '',
  )
  out.push('## Community Commitments', '')
  // the main language first; the second, when written, on the line under it, marked with its language
  const second = s.langs[1]
  s.commitments.forEach((c, i) => {
    out.push(`${i + 1}. ${withLang(escapeMarkdown(c), s.langs.length > 1 ? (s.langs[0] ?? '') : '')}`)
    const other = second && s.commitmentTexts[i]?.[second]
    if (second && other) out.push(`   ${LANG_AUTONYMS[second]}: ${withLang(escapeMarkdown(other), second)}`)
  })
  out.push('', '## Agenda', '')
  s.agenda.forEach((step, i) => {
    out.push(
      `${i + 1}. **${escapeMarkdown(step.title)}** (${step.minutes} min): ${escapeMarkdown(step.prompt)}`,
    )
    const title = second && step.titles[second]
    const prompt = second && step.prompts[second]
    if (second && (title || prompt))
      out.push(
        `   ${LANG_AUTONYMS[second]}: ${withLang(`**${escapeMarkdown(title || step.title)}**: ${escapeMarkdown(prompt || '')}`, second)}`,
      )
  })
  const frames = s.objects.filter((o) => o.kind === 'frame')
  for (const canvas of s.canvases) {
    const items = s.objects.filter((o) => o.canvas === canvas.id && isExportable(o) && o.kind !== 'frame')
    const content = items.filter((o) => o.kind !== 'stroke' && o.kind !== 'shape')
    const canvasFrames = frames.filter((f) => f.canvas === canvas.id && isExportable(f))
    if (content.length === 0 && canvasFrames.length === 0) continue
    out.push('', `## ${escapeMarkdown(canvas.name)}`)
    const groups = new Map<string, { title: string; items: BoardObject[] }>()
    for (const f of canvasFrames) groups.set(f.id, { title: frameTitle(f), items: [] })
    const loose: BoardObject[] = []
    for (const o of content) {
      const f = frameOf(o, canvasFrames)
      if (f) groups.get(f.id)?.items.push(o)
      else loose.push(o)
    }
    for (const g of groups.values())
      section(out, s, `${escapeMarkdown(g.title || 'Frame')} (${countLabel(g.items)})`, g.items)
    if (loose.length > 0) section(out, s, canvasFrames.length > 0 ? 'Not in a frame' : null, loose)
    const drawings = items.length - content.length
    if (drawings > 0)
      out.push(
        '',
        `_${drawings} drawing${drawings === 1 ? '' : 's'} (pen strokes and shapes) not shown in text._`,
      )
  }
  return `${out.join('\n')}\n`
}

const countLabel = (items: readonly BoardObject[]): string =>
  `${items.length} item${items.length === 1 ? '' : 's'}`

function section(out: string[], s: SessionSnapshot, heading: string | null, items: BoardObject[]): void {
  if (heading) out.push('', `### ${heading}`)
  out.push('')
  const votes = (o: BoardObject): number => s.facilitation.results[o.id] ?? 0
  const sorted = [...items].sort((a, b) => votes(b) - votes(a) || a.createdAt - b.createdAt)
  for (const o of sorted) {
    if (o.kind === 'recipe') out.push(...recipe(o, s), '')
    else if (o.kind === 'story') out.push(...story(o, s, votes(o)), '')
    else out.push(`- ${itemLine(o, s, votes(o))}`)
  }
}

function itemLine(o: BoardObject, s: SessionSnapshot, votes: number): string {
  const rich = o.kind !== 'image' && isFormatted(o.rich)
  const body =
    o.kind === 'image'
      ? `Image: ${o.props.alt.trim() ? escapeMarkdown(o.props.alt) : 'no description'}`
      : rich
        ? indent(richToMarkdown(o.rich, o.lang).join('\n'), '\n  ')
        : indent(escapeMarkdown(o.text || ' '))
  const extras: string[] = []
  const credit = creditFor(o, s.facilitation.anonymous)
  if (credit) extras.push(`*${escapeMarkdown(credit)}*`)
  if (votes > 0) extras.push(`${votes} vote${votes === 1 ? '' : 's'}`)
  const reactions = reactionCounts(o)
  if (reactions.length > 0) extras.push(reactions.map(([e, n]) => `${e} ${n}`).join(' '))
  const more = extras.length ? `(${extras.join(' · ')})` : ''
  // the content note first, on its own line: a reader meets the warning before the words
  const warning = o.contentNote ? `${contentNoteLine(o.contentNote)}${rich ? '\n\n  ' : '  \n  '}` : ''
  // formatted text may end in a list: who wrote it goes on a line of its own after a blank one
  if (rich) return `${warning}${more ? `${body}\n\n  ${more}` : body}`
  return `${warning}${withLang(body, o.lang)}${more ? ` ${more}` : ''}`
}

/** A content note as a report states it, before the text it warns about. */
const contentNoteLine = (note: string): string => `**Content note:** ${escapeMarkdown(note)}`

function story(o: Extract<BoardObject, { kind: 'story' }>, s: SessionSnapshot, votes: number): string[] {
  const credit = storyCreditFor(o, s.facilitation.anonymous)
  const lines = [
    `#### Story: ${escapeMarkdown(o.props.title || 'Untitled story')}`,
    '',
    `_${credit ? `Told by ${escapeMarkdown(credit)}` : 'Told anonymously'}_`,
  ]
  if (o.lang) lines.push('', `Language: ${o.lang}`)
  if (o.contentNote) lines.push('', `> ${contentNoteLine(o.contentNote)}`)
  const text = isFormatted(o.rich)
    ? richToMarkdown(o.rich, o.lang)
    : o.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .flatMap((line, i) => [...(i > 0 ? [''] : []), withLang(escapeMarkdown(line), o.lang)])
  lines.push('', ...text)
  const extras: string[] = []
  if (votes > 0) extras.push(`${votes} vote${votes === 1 ? '' : 's'}`)
  const reactions = reactionCounts(o)
  if (reactions.length > 0) extras.push(reactions.map(([e, n]) => `${e} ${n}`).join(' '))
  if (extras.length > 0) lines.push('', `(${extras.join(' · ')})`)
  return lines
}

function recipe(o: Extract<BoardObject, { kind: 'recipe' }>, s: SessionSnapshot): string[] {
  const p = o.props
  const credit = s.facilitation.anonymous ? creditLine([], true) : creditLine(p.credits, p.anonymous)
  const lines = [
    `#### Recipe: ${escapeMarkdown(p.title || 'Untitled recipe')}`,
    '',
    `_${escapeMarkdown(credit)}_`,
  ]
  if (o.contentNote) lines.push('', `> ${contentNoteLine(o.contentNote)}`)
  if (p.forWhom) lines.push('', `**Who it is for:** ${escapeMarkdown(p.forWhom)}`)
  if (p.ingredients.length > 0) {
    lines.push('', '**Ingredients:**', '')
    for (const ing of p.ingredients) lines.push(`- ${escapeMarkdown(ing)}`)
  }
  const method = richToLines(s.richText[o.id] ?? [])
  if (isFormatted(o.rich)) {
    // the method's own lists and emphasis, as written
    lines.push('', '**Method:**', '', ...richToMarkdown(o.rich, o.lang))
  } else if (method.length > 0) {
    lines.push('', '**Method:**', '')
    method.forEach((step, i) => lines.push(`${i + 1}. ${escapeMarkdown(step)}`))
  }
  if (p.tips) lines.push('', `**Tips:** ${escapeMarkdown(p.tips)}`)
  return lines
}

/** Text blocks (paragraphs, list items) of rich text, one string each; nothing deeper than the nesting limit. */
export function richToLines(nodes: readonly RichNode[]): string[] {
  const lines: string[] = []
  const walk = (list: readonly RichNode[], depth: number): string => {
    let inline = ''
    for (const n of list) {
      if (n.type === 'text') inline += n.delta.map((d) => d.insert).join('')
      else if (depth + 1 > LIMITS.richTextMaxDepth) continue
      else if (['paragraph', 'heading', 'codeBlock'].includes(n.name)) {
        const text = walk(n.children, depth + 1).trim()
        if (text) lines.push(text)
      } else inline += walk(n.children, depth + 1)
    }
    return inline
  }
  const rest = walk(nodes, 0).trim()
  if (rest) lines.push(rest)
  return lines
}
