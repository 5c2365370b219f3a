import * as Y from 'yjs'
import { LIMITS } from './limits'

/**
 * A note's rich text as plain, serialisable data: what every reader of the board (canvas, list
 * view, PDF, Markdown) draws from, so none of them needs to know the editor's XML.
 */

/** A stretch of text with the same marks. Marks are present only when set, so JSON stays small. */
export interface RichRun {
  readonly text: string
  readonly bold?: true
  readonly italic?: true
  readonly strike?: true
  readonly underline?: true
  readonly code?: true
}

export type RichMark = 'bold' | 'italic' | 'strike' | 'underline' | 'code'
export const RICH_MARKS: readonly RichMark[] = ['bold', 'italic', 'strike', 'underline', 'code']

/** A block of a note: text blocks hold runs (a hard break is a '\n' inside a run); lists and quotes hold blocks. */
export type RichBlock =
  | { readonly type: 'paragraph'; readonly runs: readonly RichRun[] }
  | { readonly type: 'heading'; readonly level: number; readonly runs: readonly RichRun[] }
  | { readonly type: 'code'; readonly runs: readonly RichRun[] }
  | { readonly type: 'quote'; readonly blocks: readonly RichBlock[] }
  | {
      readonly type: 'list'
      readonly ordered: boolean
      readonly start: number
      readonly items: readonly (readonly RichBlock[])[]
    }
  | { readonly type: 'rule' }

/** A note's rich text. */
export type RichText = readonly RichBlock[]

/** Lists and quotes nest at most this deep; deeper content is kept as plain paragraphs. */
export const MAX_RICH_NESTING = 8
/**
 * Walking the XML stops this deep (a paragraph in a list item in a list is 3); deeper elements are
 * ignored, so a hostile document cannot overflow the stack. The relay refuses deeper text anyway.
 */
const MAX_XML_DEPTH = LIMITS.richTextMaxDepth

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook | unknown

/** The marks of a text delta's attributes (y-prosemirror names overlapping marks `name--hash`). */
function marksOf(attributes: unknown): Omit<RichRun, 'text'> {
  if (!attributes || typeof attributes !== 'object') return {}
  const out: { -readonly [K in RichMark]?: true } = {}
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    const name = key.split('--')[0] as RichMark
    if ((RICH_MARKS as readonly string[]).includes(name) && value !== null && value !== false)
      out[name] = true
  }
  return out
}

const sameMarks = (a: RichRun, b: RichRun): boolean => RICH_MARKS.every((m) => a[m] === b[m])

/** Appends a run, merging it into the previous one when their marks agree. */
function pushRun(runs: RichRun[], run: RichRun): void {
  if (run.text === '') return
  const last = runs[runs.length - 1]
  if (last && sameMarks(last, run)) runs[runs.length - 1] = { ...last, text: last.text + run.text }
  else runs.push(run)
}

/** The inline content of a node at `depth` (text, hard breaks, and the text of anything unknown). */
function inlineRuns(node: XmlNode, runs: RichRun[], depth: number): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown; attributes?: unknown }[]) {
      if (typeof op.insert === 'string') pushRun(runs, { text: op.insert, ...marksOf(op.attributes) })
    }
    return
  }
  if (depth > MAX_XML_DEPTH) return
  if (!(node instanceof Y.XmlElement) && !(node instanceof Y.XmlFragment)) return
  if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
    pushRun(runs, { text: '\n' })
    return
  }
  for (const child of node.toArray()) inlineRuns(child, runs, depth + 1)
}

const BLOCK_NAMES = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'horizontalRule',
])

const hasBlockChild = (el: Y.XmlElement | Y.XmlFragment): boolean =>
  el.toArray().some((c) => c instanceof Y.XmlElement && BLOCK_NAMES.has(c.nodeName))

function headingLevel(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 1
}

function listStart(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isInteger(n) && n >= 0 && n < 1e6 ? n : 1
}

/** Reads the children of a container at `depth` into blocks; loose inline content becomes paragraphs. */
function readBlocks(parent: Y.XmlElement | Y.XmlFragment, nesting: number, depth: number): RichBlock[] {
  const blocks: RichBlock[] = []
  let loose: RichRun[] = []
  const flushLoose = (): void => {
    if (loose.length > 0) blocks.push({ type: 'paragraph', runs: loose })
    loose = []
  }
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement && depth + 1 > MAX_XML_DEPTH) continue
    if (child instanceof Y.XmlElement && (BLOCK_NAMES.has(child.nodeName) || hasBlockChild(child))) {
      flushLoose()
      blocks.push(...readBlock(child, nesting, depth + 1))
    } else {
      inlineRuns(child, loose, depth + 1)
    }
  }
  flushLoose()
  return blocks
}

/** One block element (or an unknown element holding blocks) as blocks. */
function readBlock(el: Y.XmlElement, nesting: number, depth: number): RichBlock[] {
  const runs = (): RichRun[] => {
    const out: RichRun[] = []
    inlineRuns(el, out, depth)
    return out
  }
  const tooDeep = nesting >= MAX_RICH_NESTING
  switch (el.nodeName) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: runs() }]
    case 'heading':
      return [{ type: 'heading', level: headingLevel(el.getAttribute('level')), runs: runs() }]
    case 'codeBlock':
      return [{ type: 'code', runs: runs().map((r) => ({ text: r.text })) }]
    case 'horizontalRule':
      return [{ type: 'rule' }]
    case 'blockquote':
      if (tooDeep) return readBlocks(el, nesting, depth)
      return [{ type: 'quote', blocks: readBlocks(el, nesting + 1, depth) }]
    case 'bulletList':
    case 'orderedList': {
      if (tooDeep) return readBlocks(el, nesting, depth)
      const items = el
        .toArray()
        .filter((item) => !(item instanceof Y.XmlElement) || depth + 1 <= MAX_XML_DEPTH)
        .map((item) =>
          item instanceof Y.XmlElement
            ? readBlocks(item, nesting + 1, depth + 1)
            : textBlock(item, depth + 1),
        )
        .filter((blocks) => blocks.length > 0)
      const ordered = el.nodeName === 'orderedList'
      return [{ type: 'list', ordered, start: ordered ? listStart(el.getAttribute('start')) : 1, items }]
    }
    default:
      // a list item outside a list, or an element this build does not know: keep what it says
      return readBlocks(el, nesting, depth)
  }
}

function textBlock(node: XmlNode, depth: number): RichBlock[] {
  const runs: RichRun[] = []
  inlineRuns(node, runs, depth)
  return runs.length > 0 ? [{ type: 'paragraph', runs }] : []
}

/** The rich text of a note's fragment as plain blocks; never throws, whatever the XML holds. */
export function readRichBlocks(fragment: Y.XmlFragment): RichText {
  try {
    return readBlocks(fragment, 0, 0)
  } catch {
    return []
  }
}

/** Rich text of plain paragraphs, one per line (for text that has no formatting). */
export function plainToRich(text: string): RichText {
  if (text === '') return []
  return text.split('\n').map((line) => ({ type: 'paragraph', runs: line ? [{ text: line }] : [] }))
}

/** Does this rich text use anything beyond plain paragraphs (marks, lists, headings, quotes)? */
export function isFormatted(rich: RichText): boolean {
  return rich.some((b) => b.type !== 'paragraph' || b.runs.some((r) => RICH_MARKS.some((m) => r[m] === true)))
}

/** The marker of an ordered or bulleted list item: "3." or "•". */
export const listMarker = (ordered: boolean, start: number, index: number): string =>
  ordered ? `${start + index}.` : '•'

/** A text block with where it sits: how deep in lists and quotes, and its list marker if it starts an item. */
export interface FlatBlock {
  readonly type: 'paragraph' | 'heading' | 'code' | 'rule'
  /** Heading level 1–6; 0 for other blocks. */
  readonly level: number
  readonly runs: readonly RichRun[]
  /** How many lists it sits in. */
  readonly indent: number
  /** How many quotes it sits in. */
  readonly quote: number
  /** "•" or "3." on the first block of a list item; '' otherwise. */
  readonly marker: string
}

/** Rich text as a flat sequence of text blocks, for whatever lays text out line by line (canvas, PDF). */
export function flattenRich(rich: RichText): FlatBlock[] {
  const out: FlatBlock[] = []
  const walk = (blocks: readonly RichBlock[], indent: number, quote: number, marker: string): void => {
    blocks.forEach((b, i) => {
      const mark = i === 0 ? marker : ''
      const base = { indent, quote, marker: mark }
      switch (b.type) {
        case 'paragraph':
        case 'code':
          out.push({ ...base, type: b.type, level: 0, runs: b.runs })
          break
        case 'heading':
          out.push({ ...base, type: 'heading', level: b.level, runs: b.runs })
          break
        case 'rule':
          out.push({ ...base, type: 'rule', level: 0, runs: [] })
          break
        case 'quote':
          walk(b.blocks, indent, quote + 1, mark)
          break
        case 'list':
          // a list first in an item: its marker stands alone on a line before it
          if (mark) out.push({ ...base, type: 'paragraph', level: 0, runs: [] })
          b.items.forEach((item, n) => walk(item, indent + 1, quote, listMarker(b.ordered, b.start, n)))
          break
      }
    })
  }
  walk(rich, 0, 0, '')
  return out
}
