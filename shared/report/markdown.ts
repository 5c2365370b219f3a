import { escapeMarkdown, richToMarkdown } from '../export/richMarkdown'
import type { RichText } from '../schema/richBlocks'
import type { InsightReport, ReportNote } from './model'

const withLang = (text: string, lang: string): string => (lang ? `<span lang="${lang}">${text}</span>` : text)

/** Rich text as Markdown lines, each prefixed (for block quotes and list items). */
const richLines = (rich: RichText, lang: string): string[] => richToMarkdown(rich, lang)

/** A note as a list item: its content note first, then its text, then who wrote it and its votes. */
function noteItem(n: ReportNote, report: InsightReport): string[] {
  const out: string[] = []
  const body = richLines(n.rich, n.lang)
  const first = n.contentNote ? `**${escapeMarkdown(report.words.contentNote(n.contentNote))}**` : null
  const lines = [...(first ? [first, ''] : []), ...(body.length > 0 ? body : [' '])]
  lines.forEach((l, i) => out.push(i === 0 ? `- ${l}` : l ? `  ${l}` : ''))
  if (n.detail) out.push('', `  _${escapeMarkdown(n.detail)}_`)
  return out
}

/** A quote, set apart as a block quote. */
function quoteBlock(n: ReportNote, report: InsightReport): string[] {
  const lines: string[] = []
  if (n.contentNote) lines.push(`**${escapeMarkdown(report.words.contentNote(n.contentNote))}**`, '')
  lines.push(...richLines(n.rich, n.lang))
  if (n.detail) lines.push('', `— _${escapeMarkdown(n.detail)}_`)
  return [...lines.map((l) => (l ? `> ${l}` : '>')), '']
}

/** The insight report as Markdown: the same sections and order as the PDF and the DOCX. */
export function reportToMarkdown(report: InsightReport): string {
  const w = report.words
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, '', `_${escapeMarkdown(w.kicker)}_`, '']
  for (const line of report.dateLines) out.push(`${escapeMarkdown(line)}  `)
  if (report.anonymous) out.push(escapeMarkdown(w.anonymous))
  out.push('', `## ${escapeMarkdown(w.commitments)}`, '')
  if (report.commitments.length === 0) out.push(escapeMarkdown(w.noCommitments))
  report.commitments.forEach((c, i) => {
    out.push(`${i + 1}. ${withLang(escapeMarkdown(c.text), c.second ? c.lang : '')}`)
    if (c.second) out.push(`   ${withLang(escapeMarkdown(c.second.text), c.second.lang)}`)
  })
  out.push('', `## ${escapeMarkdown(w.themes)}`, '')
  if (report.themes.length === 0) out.push(escapeMarkdown(w.noThemes), '')
  for (const theme of report.themes) {
    out.push(`### ${escapeMarkdown(theme.heading)}`, '')
    if (theme.quotes.length > 0) {
      out.push(`#### ${escapeMarkdown(w.quotes)}`, '')
      for (const q of theme.quotes) out.push(...quoteBlock(q, report))
    }
    if (theme.notes.length > 0) {
      if (theme.quotes.length > 0) out.push(`#### ${escapeMarkdown(w.notes)}`, '')
      for (const n of theme.notes) out.push(...noteItem(n, report))
      out.push('')
    }
  }
  stories(out, report)
  recipes(out, report)
  participation(out, report)
  if (report.images.length > 0) {
    out.push(`## ${escapeMarkdown(w.images)}`, '')
    for (const img of report.images) {
      const note = img.contentNote ? `**${escapeMarkdown(w.contentNote(img.contentNote))}** ` : ''
      const detail = img.detail ? ` (_${escapeMarkdown(img.detail)}_)` : ''
      out.push(`- ${note}${escapeMarkdown(img.alt)}${detail}`)
    }
    out.push('')
  }
  out.push(`## ${escapeMarkdown(w.agenda)}`, '')
  for (const step of report.agenda) {
    const prompt = step.prompt ? `: ${escapeMarkdown(step.prompt)}` : ''
    out.push(`${step.number}. **${escapeMarkdown(step.title)}** (${escapeMarkdown(step.detail)})${prompt}`)
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`
}

function stories(out: string[], report: InsightReport): void {
  if (report.stories.length === 0) return
  const w = report.words
  out.push(`## ${escapeMarkdown(w.stories)}`, '')
  for (const s of report.stories) {
    out.push(`### ${escapeMarkdown(s.title)}`, '', `_${escapeMarkdown(s.credit)}_`, '')
    // the content note comes before the story, so a reader can choose not to read on
    if (s.contentNote) out.push(`**${escapeMarkdown(w.contentNote(s.contentNote))}**`, '')
    out.push(...richLines(s.rich, s.lang), '')
    if (s.detail) out.push(`_${escapeMarkdown(s.detail)}_`, '')
  }
}

function recipes(out: string[], report: InsightReport): void {
  if (report.recipes.length === 0) return
  const w = report.words
  out.push(`## ${escapeMarkdown(w.recipes)}`, '')
  for (const r of report.recipes) {
    out.push(`### ${escapeMarkdown(r.title)}`, '', `_${escapeMarkdown(r.credit)}_`, '')
    if (r.contentNote) out.push(`**${escapeMarkdown(w.contentNote(r.contentNote))}**`, '')
    if (r.forWhom) out.push(`**${escapeMarkdown(w.forWhom)}:** ${escapeMarkdown(r.forWhom)}`, '')
    if (r.ingredients.length > 0) {
      out.push(`**${escapeMarkdown(w.ingredients)}:**`, '')
      for (const i of r.ingredients) out.push(`- ${escapeMarkdown(i)}`)
      out.push('')
    }
    if (r.method.length > 0)
      out.push(`**${escapeMarkdown(w.method)}:**`, '', ...richLines(r.method, r.lang), '')
    if (r.tips) out.push(`**${escapeMarkdown(w.tips)}:** ${escapeMarkdown(r.tips)}`, '')
    if (r.detail) out.push(`_${escapeMarkdown(r.detail)}_`, '')
  }
}

function participation(out: string[], report: InsightReport): void {
  const w = report.words
  const p = report.participation
  out.push(`## ${escapeMarkdown(w.participation)}`, '')
  for (const line of p.lines) out.push(`- ${escapeMarkdown(line)}`)
  out.push('')
  if (p.people && p.people.length > 0) {
    out.push(`### ${escapeMarkdown(w.byPerson)}`, '')
    for (const person of p.people)
      out.push(`- ${escapeMarkdown(person.name)}: ${escapeMarkdown(w.contributions(person.count))}`)
    out.push('')
  }
}
