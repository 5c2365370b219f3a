import * as Y from 'yjs'

/** Plain text of a rich-text fragment: block elements become lines, inline marks are dropped. */
export function fragmentToPlainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText, out: string[]): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') out.push(op.insert)
      }
      return
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        walk(child, out)
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak') {
          out.push('\n')
          continue
        }
        const inner: string[] = []
        walk(child, inner)
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
  walk(fragment, lines)
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
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph')
    if (line.length > 0) p.insert(0, [new Y.XmlText(line)])
    return p
  })
  fragment.insert(0, paragraphs)
}
