import { frameOf, frameTitle, isExportable, REMOVED_AUTHOR, type SessionSnapshot } from '../export/snapshot'
import type { UiLang } from '../lang'
import { framesInOrder } from '../schema/geometry'
import { creditLine, isNote, storyCredit, type BoardObject } from '../schema/kinds'
import { plainToRich, type RichText } from '../schema/richBlocks'
import { REPORT_WORDS, type ReportWords } from './words'

/**
 * The insight report as plain data: sections and their items in the order they are read, every
 * label already worded. The Markdown, DOCX and PDF renderers only lay it out, so the three say the
 * same thing. Built from the same snapshot as every export: only what may leave the room (consent,
 * hiding), no names in an anonymous session, removed people unnamed unless the snapshot names them.
 */
export interface InsightReport {
  readonly words: ReportWords
  /** The language the report's own words are in (BCP 47), and the session's main language. */
  readonly lang: UiLang
  readonly title: string
  /** "Session held 3 May 2026", "Report made 4 May 2026". */
  readonly dateLines: readonly string[]
  readonly anonymous: boolean
  readonly commitments: readonly ReportCommitment[]
  readonly themes: readonly ReportTheme[]
  readonly stories: readonly ReportStory[]
  readonly recipes: readonly ReportRecipe[]
  readonly participation: ReportParticipation
  readonly images: readonly ReportImage[]
  readonly agenda: readonly ReportStep[]
}

export interface ReportCommitment {
  readonly text: string
  readonly lang: string
  /** The commitment in the session's second language, when written. */
  readonly second: { readonly text: string; readonly lang: string } | null
}

/** A note (or a quote) in a theme. */
export interface ReportNote {
  readonly id: string
  readonly rich: RichText
  readonly text: string
  /** The note's language tag ('' for the session's). */
  readonly lang: string
  /** Shown before the text, as "Content note: …"; '' for none. */
  readonly contentNote: string
  /** Who wrote it and its votes: "Ann · 3 votes" ('' when there is neither). */
  readonly detail: string
  readonly votes: number
}

export interface ReportTheme {
  readonly heading: string
  /** Notes marked as quotes, most-voted first, set apart from the other notes. */
  readonly quotes: readonly ReportNote[]
  /** The other notes, most-voted first. */
  readonly notes: readonly ReportNote[]
}

export interface ReportStory {
  readonly id: string
  readonly title: string
  readonly credit: string
  readonly contentNote: string
  readonly rich: RichText
  readonly text: string
  readonly lang: string
  /** Votes and the theme it sits in. */
  readonly detail: string
}

export interface ReportRecipe {
  readonly id: string
  readonly title: string
  readonly credit: string
  readonly contentNote: string
  readonly forWhom: string
  readonly ingredients: readonly string[]
  readonly method: RichText
  readonly tips: string
  readonly lang: string
  readonly detail: string
}

export interface ReportImage {
  readonly id: string
  /** The stored file's content hash: the renderers are given the pictures by it. */
  readonly src: string
  /** Its description, or the words for "no description". */
  readonly alt: string
  readonly described: boolean
  readonly contentNote: string
  /** Who added it and the theme it sits in. */
  readonly detail: string
  /** Its size on the board (canvas units): the PDF and DOCX show it as large, within the page. */
  readonly w: number
  readonly h: number
}

export interface ReportParticipation {
  /** Counts, one sentence each. */
  readonly lines: readonly string[]
  /** Contributions per person, most first; null in an anonymous session (no one is named). */
  readonly people: readonly { readonly name: string; readonly count: number }[] | null
}

export interface ReportStep {
  readonly number: number
  readonly title: string
  readonly prompt: string
  /** "10 min", and "not reached" for steps after the last one the session got to. */
  readonly detail: string
  readonly reached: boolean
}

export interface ReportOptions {
  /** The language of the report's own words (the reader's, or the session's main one). */
  readonly lang?: UiLang
  /** When the report is made. */
  readonly date?: Date
  /** How the snapshot names removed people (the page puts it in the reader's language). */
  readonly removedAuthor?: string
}

const contentNoteOf = (o: BoardObject): string => o.contentNote.trim()

/** Builds the insight report of a session from its export snapshot. */
export function buildInsightReport(s: SessionSnapshot, options: ReportOptions = {}): InsightReport {
  const lang = options.lang ?? s.langs[0] ?? 'en'
  const words = REPORT_WORDS[lang]
  const date = options.date ?? new Date()
  const { kept: exportable, copyVotes } = oneOfEachStory(s)
  const ctx = makeContext(s, words, options.removedAuthor ?? REMOVED_AUTHOR, copyVotes)
  return {
    words,
    lang,
    title: s.title.trim() || words.untitled,
    dateLines: dateLines(exportable.filter(isContribution), date, lang, words),
    anonymous: s.facilitation.anonymous,
    commitments: commitments(s),
    themes: themes(ctx, exportable),
    stories: byVotes(ctx, exportable.filter(isStory)).map((o) => story(ctx, o)),
    recipes: byVotes(ctx, exportable.filter(isRecipe)).map((o) => recipe(ctx, o)),
    participation: participation(ctx, exportable),
    images: exportable.filter(isImage).map((o) => image(ctx, o)),
    agenda: s.agenda.map((step, i) => ({
      number: i + 1,
      title: step.title,
      prompt: step.prompt,
      reached: i <= s.facilitation.step,
      detail: [words.minutes(step.minutes), i > s.facilitation.step ? words.notReached : '']
        .filter(Boolean)
        .join(' · '),
    })),
  }
}

type Story = Extract<BoardObject, { kind: 'story' }>
type Recipe = Extract<BoardObject, { kind: 'recipe' }>
type Image = Extract<BoardObject, { kind: 'image' }>
const isStory = (o: BoardObject): o is Story => o.kind === 'story'
const isRecipe = (o: BoardObject): o is Recipe => o.kind === 'recipe'
const isImage = (o: BoardObject): o is Image => o.kind === 'image'
/** What a theme lists: the notes people wrote (story cards have a section of their own). */
const isThemeNote = (o: BoardObject): boolean => isNote(o) && !isStory(o)

interface Context {
  readonly s: SessionSnapshot
  readonly words: ReportWords
  readonly removedAuthor: string
  readonly anonymous: boolean
  readonly votes: (o: BoardObject) => number
  /** The theme an object sits in ('' for none). */
  readonly themeOf: (o: BoardObject) => string
}

/**
 * The exportable objects with each story once: small groups each get a copy of the canvas's material,
 * and bringing them back puts every copy on the report-back canvas, but a story told once is one
 * story in the report (and one contribution). Story cards alike in title, credit, text, content note
 * and language are copies: the earliest is kept, and the votes of the others count for it.
 */
function oneOfEachStory(s: SessionSnapshot) {
  const exportable = s.objects.filter(isExportable)
  const first = new Map<string, string>()
  const copyVotes = new Map<string, number>()
  const copies = new Set<string>()
  const earliest = [...exportable].filter(isStory).sort((a, b) => a.createdAt - b.createdAt)
  for (const o of earliest) {
    const p = o.props
    const key = JSON.stringify([p.title, p.credit, p.anonymous, o.text, o.contentNote, o.lang])
    const kept = first.get(key)
    if (kept === undefined) {
      first.set(key, o.id)
      continue
    }
    copies.add(o.id)
    copyVotes.set(kept, (copyVotes.get(kept) ?? 0) + (s.facilitation.results[o.id] ?? 0))
  }
  return { kept: exportable.filter((o) => !copies.has(o.id)), copyVotes }
}

function makeContext(
  s: SessionSnapshot,
  words: ReportWords,
  removedAuthor: string,
  copyVotes: ReadonlyMap<string, number>,
): Context {
  const frames = framesInOrder(s.objects.filter(isExportable))
  return {
    s,
    words,
    removedAuthor,
    anonymous: s.facilitation.anonymous,
    votes: (o) => (s.facilitation.results[o.id] ?? 0) + (copyVotes.get(o.id) ?? 0),
    themeOf: (o) => {
      const f = frameOf(o, frames)
      return f ? frameTitle(f) || words.untitledTheme : ''
    },
  }
}

/** Most-voted first; equal votes in the order they were written. */
function byVotes<T extends BoardObject>(ctx: Context, items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => ctx.votes(b) - ctx.votes(a) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  )
}

const joinDetail = (...parts: string[]): string => parts.filter(Boolean).join(' · ')

/** The author's name as the report may give it: nobody's in an anonymous session. */
function authorOf(ctx: Context, o: BoardObject): string {
  if (ctx.anonymous) return ''
  return o.author === REMOVED_AUTHOR ? ctx.words.removedPerson : o.author
}

const votesOf = (ctx: Context, o: BoardObject): string => {
  const n = ctx.votes(o)
  return n > 0 ? ctx.words.votes(n) : ''
}

const richOf = (o: BoardObject): RichText => (o.rich.length > 0 ? o.rich : plainToRich(o.text))

function note(ctx: Context, o: BoardObject): ReportNote {
  return {
    id: o.id,
    rich: richOf(o),
    text: o.text,
    lang: o.lang,
    contentNote: contentNoteOf(o),
    detail: joinDetail(authorOf(ctx, o), votesOf(ctx, o)),
    votes: ctx.votes(o),
  }
}

/**
 * Each theme (a frame holding notes), canvas by canvas in the frames' order, then each canvas's
 * notes that sit in no theme. Empty themes are left out.
 */
function themes(ctx: Context, exportable: readonly BoardObject[]): ReportTheme[] {
  const { s, words } = ctx
  const out: ReportTheme[] = []
  const written = exportable.filter(isThemeNote)
  const withContent = new Set(written.map((o) => o.canvas))
  const several = withContent.size > 1
  for (const canvas of s.canvases) {
    const frames = framesInOrder(exportable.filter((o) => o.canvas === canvas.id))
    const groups = new Map<string | null, BoardObject[]>(frames.map((f) => [f.id, []]))
    for (const o of written.filter((o) => o.canvas === canvas.id)) {
      const f = frameOf(o, frames)?.id ?? null
      if (!groups.has(f)) groups.set(f, [])
      groups.get(f)!.push(o)
    }
    const push = (heading: string, items: readonly BoardObject[]) => {
      if (items.length === 0) return
      const sorted = byVotes(ctx, items)
      out.push({
        heading,
        quotes: sorted.filter((o) => o.quote).map((o) => note(ctx, o)),
        notes: sorted.filter((o) => !o.quote).map((o) => note(ctx, o)),
      })
    }
    for (const f of frames) {
      const title = frameTitle(f) || words.untitledTheme
      push(several ? words.themeOn(title, canvas.name) : title, groups.get(f.id) ?? [])
    }
    push(words.unthemed(canvas.name), groups.get(null) ?? [])
  }
  return out
}

function story(ctx: Context, o: Story): ReportStory {
  const p = o.props
  const credit = storyCredit(p.credit, ctx.anonymous || p.anonymous, {
    anonymous: ctx.words.toldAnonymously,
    by: ctx.words.toldBy,
  })
  const theme = ctx.themeOf(o)
  return {
    id: o.id,
    title: p.title.trim() || ctx.words.untitledStory,
    credit,
    contentNote: contentNoteOf(o),
    rich: richOf(o),
    text: o.text,
    lang: o.lang,
    detail: joinDetail(votesOf(ctx, o), theme ? ctx.words.inTheme(theme) : ''),
  }
}

function recipe(ctx: Context, o: Recipe): ReportRecipe {
  const p = o.props
  const words = ctx.words.recipeCredit
  const theme = ctx.themeOf(o)
  return {
    id: o.id,
    title: p.title.trim() || ctx.words.untitledRecipe,
    credit: ctx.anonymous ? creditLine([], true, words) : creditLine(p.credits, p.anonymous, words),
    contentNote: contentNoteOf(o),
    forWhom: p.forWhom,
    ingredients: p.ingredients.filter((i) => i.trim()),
    method: o.rich.length > 0 ? o.rich : plainToRich(o.text),
    tips: p.tips,
    lang: o.lang,
    detail: joinDetail(votesOf(ctx, o), theme ? ctx.words.inTheme(theme) : ''),
  }
}

function image(ctx: Context, o: Image): ReportImage {
  const alt = o.props.alt.trim()
  const theme = ctx.themeOf(o)
  return {
    id: o.id,
    src: o.props.src,
    alt: alt || ctx.words.noDescription,
    described: alt !== '',
    contentNote: contentNoteOf(o),
    detail: joinDetail(authorOf(ctx, o), theme ? ctx.words.inTheme(theme) : ''),
    w: o.props.w,
    h: o.props.h,
  }
}

/** Contributions are notes, stories, recipes and images: what people added that carries meaning. */
const isContribution = (o: BoardObject): boolean => isNote(o) || isRecipe(o) || isImage(o)

function participation(ctx: Context, exportable: readonly BoardObject[]): ReportParticipation {
  const { s, words } = ctx
  const contributions = exportable.filter(isContribution)
  const people = new Map<string, { name: string; count: number }>()
  for (const o of contributions) {
    // everything of removed people counts under one "Removed person", never split by who they were
    const removed = o.author === REMOVED_AUTHOR || o.author === ctx.removedAuthor
    const key = removed ? '\0removed' : o.createdBy || `\0${o.author}`
    const entry = people.get(key) ?? { name: removed ? words.removedPerson : o.author, count: 0 }
    entry.count++
    people.set(key, entry)
  }
  const votes = contributions.reduce((n, o) => n + ctx.votes(o), 0)
  const { agree, discuss } = s.facilitation.answers
  const lines = [
    words.answers(agree, discuss),
    words.contributors(people.size),
    words.counts({
      notes: contributions.filter(isThemeNote).length,
      stories: contributions.filter(isStory).length,
      recipes: contributions.filter(isRecipe).length,
      images: contributions.filter(isImage).length,
    }),
    words.votesCast(votes),
  ]
  if (ctx.anonymous) return { lines: [...lines, words.namesWithheld], people: null }
  const named = [...people.values()]
    .map((p) => ({ ...p, name: p.name.trim() || '?' }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  return { lines, people: named }
}

function commitments(s: SessionSnapshot): ReportCommitment[] {
  const [main = 'en', second] = s.langs
  return s.commitments.map((text, i) => {
    const other = second ? s.commitmentTexts[i]?.[second] : undefined
    return { text, lang: main, second: second && other ? { text: other, lang: second } : null }
  })
}

/** When the session was held (the days its contributions were made) and when the report was made. */
function dateLines(
  exportable: readonly BoardObject[],
  made: Date,
  lang: UiLang,
  words: ReportWords,
): string[] {
  const format = (d: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d)
  const times = exportable.map((o) => o.createdAt).filter((t) => t > 0)
  const lines: string[] = []
  if (times.length > 0) {
    const first = format(new Date(times.reduce((a, b) => Math.min(a, b))))
    const last = format(new Date(times.reduce((a, b) => Math.max(a, b))))
    lines.push(words.held(first === last ? first : `${first} – ${last}`))
  }
  lines.push(words.made(format(made)))
  return lines
}
