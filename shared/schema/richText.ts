import * as Y from 'yjs'
import { z } from 'zod'
import { LIMITS } from './limits'
import { nestsDeeperThan } from './nesting'
import type { SkipCounter } from './skipped'

/** Elements nest at most this deep (a paragraph in a list item in a list is 3); readers stop there. */
const MAX_DEPTH = LIMITS.richTextMaxDepth

/**
 * Plain text of a rich-text fragment: block elements become lines, inline marks are dropped.
 * Elements deeper than LIMITS.richTextMaxDepth are left out, so a hostile note cannot overflow the stack.
 */
export function fragmentToPlainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText, out: string[], depth: number): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') out.push(op.insert)
      }
      return
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        walk(child, out, depth)
      } else if (child instanceof Y.XmlElement) {
        if (depth + 1 > MAX_DEPTH) continue
        if (child.nodeName === 'hardBreak') {
          out.push('\n')
          continue
        }
        const inner: string[] = []
        walk(child, inner, depth + 1)
        const text = inner.join('')
        if (isBlock(child.nodeName)) {
          if (out.length > 0 && !out[out.length - 1]?.endsWith('\n')) out.push('\n')
          out.push(text)
          out.push('\n')
        } else {
          out.push(text)
        }
      }
    }
  }
  walk(fragment, lines, 0)
  return lines.join('').replace(/\n+$/, '')
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'bulletList',
  'orderedList',
  'blockquote',
  'codeBlock',
])
const isBlock = (name: string): boolean => BLOCKS.has(name)

/** Replaces a fragment's content with plain paragraphs, one per line of `text`. */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length)
  fragment.insert(0, text.split('\n').map(paragraphOf))
}

/** One line of plain text as a paragraph (an empty line is an empty paragraph). */
function paragraphOf(line: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  if (line.length > 0) p.insert(0, [new Y.XmlText(line)])
  return p
}

/**
 * Adds plain text at the end of rich text, as typing there would: its first line continues the last
 * paragraph, each further line is a paragraph of its own.
 */
export function appendPlainText(fragment: Y.XmlFragment, text: string): void {
  if (!text) return
  const [first = '', ...rest] = text.split('\n')
  const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null
  if (last instanceof Y.XmlElement && last.nodeName === 'paragraph') {
    const tail = last.length > 0 ? last.get(last.length - 1) : null
    if (tail instanceof Y.XmlText) tail.insert(tail.length, first)
    else if (first) last.insert(last.length, [new Y.XmlText(first)])
  } else rest.unshift(first)
  fragment.insert(fragment.length, rest.map(paragraphOf))
}

/** Rich text as plain JSON, for the clipboard and exports. */
export type RichNode =
  | {
      readonly type: 'element'
      readonly name: string
      readonly attrs: Record<string, unknown>
      readonly children: RichNode[]
    }
  | { readonly type: 'text'; readonly delta: { insert: string; attributes?: Record<string, unknown> }[] }

/**
 * Serialises a fragment's content to JSON nodes. Elements deeper than LIMITS.richTextMaxDepth are
 * left out; `skipped` (if given) counts each fragment cut so once under 'richText'.
 */
export function readRichText(fragment: Y.XmlFragment | Y.XmlElement, skipped?: SkipCounter): RichNode[] {
  let cut = false
  const read = (parent: Y.XmlFragment | Y.XmlElement, depth: number): RichNode[] =>
    parent.toArray().flatMap((child): RichNode[] => {
      if (child instanceof Y.XmlText) return [{ type: 'text', delta: deltaOf(child) }]
      if (!(child instanceof Y.XmlElement)) return []
      if (depth + 1 > MAX_DEPTH) {
        cut = true
        return []
      }
      const attrs = child.getAttributes()
      return [{ type: 'element', name: child.nodeName, attrs, children: read(child, depth + 1) }]
    })
  const nodes = read(fragment, 0)
  if (cut) skipped?.add('richText')
  return nodes
}

function deltaOf(text: Y.XmlText): { insert: string; attributes?: Record<string, unknown> }[] {
  return (text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[])
    .filter(
      (op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === 'string',
    )
    .map((op) => (op.attributes ? { insert: op.insert, attributes: op.attributes } : { insert: op.insert }))
}

/** Appends JSON nodes to a fragment (the inverse of readRichText); elements past the depth limit are left out. */
export function writeRichText(
  target: Y.XmlFragment | Y.XmlElement,
  nodes: readonly RichNode[],
  depth = 0,
): void {
  // past the limit only text is kept: deeper elements would be refused by the relay and skipped by readers
  const kept = depth >= MAX_DEPTH ? nodes.filter((n) => n.type === 'text') : nodes
  const built = kept.map((node) => {
    if (node.type === 'text') {
      const text = new Y.XmlText()
      let at = 0
      for (const op of node.delta) {
        text.insert(at, op.insert, op.attributes)
        at += op.insert.length
      }
      return text
    }
    const el = new Y.XmlElement(/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(node.name) ? node.name : 'paragraph')
    for (const [k, v] of Object.entries(node.attrs)) el.setAttribute(k, v as string)
    return { el, children: node.children }
  })
  target.insert(
    target.length,
    built.map((b) => (b instanceof Y.XmlText ? b : b.el)),
  )
  for (const b of built) if (!(b instanceof Y.XmlText)) writeRichText(b.el, b.children, depth + 1)
}

const richNodeShape: z.ZodType<RichNode> = z.lazy(() =>
  z.union([
    z.object({
      type: z.literal('element'),
      name: z.string().max(40),
      attrs: z.record(z.string(), z.unknown()),
      children: z.array(richNodeShape).max(5000),
    }),
    z.object({
      type: z.literal('text'),
      delta: z
        .array(
          z.object({
            insert: z.string().max(200_000),
            attributes: z.record(z.string(), z.unknown()).optional(),
          }),
        )
        .max(5000),
    }),
  ]),
)

/**
 * How deep a rich node's JSON may nest: two levels (a node, its children) per element allowed, and a
 * few more for a text's delta and the values of attributes.
 */
const MAX_JSON_DEPTH = 2 * MAX_DEPTH + 8

/**
 * Validates rich text from outside (clipboard, imports): bounded in size and depth of what it can
 * hold. The depth is checked first, without recursion: a 20,000-deep node is refused, not a crash.
 */
export const richNodeSchema: z.ZodType<RichNode> = z
  .unknown()
  .refine((v) => !nestsDeeperThan(v, MAX_JSON_DEPTH), {
    message: `rich text nests deeper than ${MAX_DEPTH} levels`,
    abort: true,
  })
  .pipe(richNodeShape)
