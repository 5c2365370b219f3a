import {
  creditFor,
  frameOf,
  frameTitle,
  isExportable,
  type SessionSnapshot,
} from '../../shared/export/snapshot'
import { framesInOrder } from '../../shared/schema/geometry'
import {
  creditLine,
  isNote,
  needsDescription,
  storyCredit,
  type BoardObject,
} from '../../shared/schema/kinds'
import { isFormatted, type RichText } from '../../shared/schema/richBlocks'
import { outsideFrames } from './exportObjects'
import { i18n } from '../i18n'
import { creditWords, storyWords } from '../i18n/creditWords'

/** One line of a canvas's text list: what it says, and who wrote it and how many votes it got. */
export interface OutlineItem {
  readonly text: string
  readonly detail: string
  /** The text with its formatting (bold, lists…), when it has any. */
  readonly rich?: RichText
  /** Its content note, worded ("Content note: …"), to print before the text; absent when none. */
  readonly warning?: string
}

export interface OutlineSection {
  /** The frame's title, or null for a canvas without frames (or a page that is one frame). */
  readonly heading: string | null
  readonly items: readonly OutlineItem[]
}

/**
 * The words of a canvas (or one frame of it) as a list for a report, grouped by frame like the
 * Markdown export and most-voted first; only what may leave the room, with no names when anonymous.
 */
export function canvasOutline(
  s: SessionSnapshot,
  canvasId: string,
  page: { readonly frameId: string | null; readonly outside: boolean } = { frameId: null, outside: false },
): OutlineSection[] {
  const onCanvas = s.objects.filter((o) => o.canvas === canvasId && isExportable(o))
  const frames = framesInOrder(onCanvas)
  const content = onCanvas.filter((o) => o.kind !== 'frame' && o.kind !== 'stroke' && o.kind !== 'shape')
  const groups = new Map<string | null, BoardObject[]>(frames.map((f) => [f.id, []]))
  for (const o of content) {
    const f = frameOf(o, frames)?.id ?? null
    if (!groups.has(f)) groups.set(f, [])
    groups.get(f)!.push(o)
  }
  if (page.frameId !== null || page.outside) {
    // one page of a canvas split into frames: that frame's words, or what lies outside them all
    const items = groups.get(page.frameId) ?? []
    return items.length > 0 ? [{ heading: null, items: sortItems(s, items) }] : []
  }
  const sections: OutlineSection[] = []
  for (const f of frames) {
    const items = groups.get(f.id) ?? []
    if (items.length > 0)
      sections.push({
        heading: frameTitle(f) || i18n.t('export:outline.untitledFrame'),
        items: sortItems(s, items),
      })
  }
  const loose = groups.get(null) ?? []
  if (loose.length > 0)
    sections.push({ heading: frames.length > 0 ? outsideFrames() : null, items: sortItems(s, loose) })
  return sections
}

/** Objects drawn but not put in words (pen strokes and shapes), so a report can say they exist. */
export const drawingCount = (s: SessionSnapshot, canvasId: string): number =>
  s.objects.filter(
    (o) => o.canvas === canvasId && isExportable(o) && (o.kind === 'stroke' || o.kind === 'shape'),
  ).length

function sortItems(s: SessionSnapshot, items: readonly BoardObject[]): OutlineItem[] {
  const votes = (o: BoardObject): number => s.facilitation.results[o.id] ?? 0
  return [...items]
    .sort((a, b) => votes(b) - votes(a) || a.createdAt - b.createdAt)
    .map((o) => outlineItem(o, s.facilitation.anonymous, votes(o)))
}

/** One object as a line of text and its details. */
export function outlineItem(o: BoardObject, anonymous: boolean, votes: number): OutlineItem {
  const details: string[] = []
  let text: string
  if (o.kind === 'image') {
    text = needsDescription(o.props.alt)
      ? i18n.t('export:outline.imageUndescribed')
      : i18n.t('export:outline.image', { alt: o.props.alt.trim() })
  } else if (o.kind === 'recipe') {
    text = i18n.t('export:outline.recipe', {
      title: o.props.title.trim() || i18n.t('export:outline.untitledRecipe'),
    })
    details.push(creditLine(o.props.credits, anonymous || o.props.anonymous, creditWords()))
  } else if (o.kind === 'story') {
    const title = o.props.title.trim() || i18n.t('material:story.untitled')
    text = `${i18n.t('material:story.outline', { title })}\n${o.text}`
    details.push(storyCredit(o.props.credit, anonymous || o.props.anonymous, storyWords()))
  } else {
    text = o.text
  }
  const credit = o.kind === 'recipe' || o.kind === 'story' ? '' : creditFor(o, anonymous)
  if (credit) details.push(credit)
  if (votes > 0) details.push(i18n.t('export:outline.votes', { count: votes }))
  const rich = isNote(o) && o.kind !== 'story' && isFormatted(o.rich) ? o.rich : undefined
  const warning = o.contentNote ? i18n.t('material:contentNote.prefix', { note: o.contentNote }) : ''
  return { text, detail: details.join(' · '), ...(rich ? { rich } : {}), ...(warning ? { warning } : {}) }
}
