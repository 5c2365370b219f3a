import { flattenRich, type RichText } from '../../shared/schema/richBlocks'
import { layoutRich, type FontSpec, type PlacedText } from '../canvas/objects/richLayout'
import type { PdfWriter, TextStyle } from './pdfWriter'

/** The same line height as the writer's plain text, so formatted and plain notes sit alike. */
const LINE_HEIGHT = 1.35

const styleOf = (font: FontSpec, base: TextStyle): TextStyle => ({
  size: font.size,
  bold: font.bold,
  italic: font.italic,
  color: base.color,
})

/** Draws one placed piece on the writer's current line: its text, then any underline or strike line. */
function drawPiece(w: PdfWriter, p: PlacedText, x: number, lineHeight: number, base: TextStyle): void {
  const style = styleOf(p.font, base)
  // the writer centres text of `size` in a line of size × 1.35; a taller line (a heading beside
  // smaller text) pushes it down to share the line's middle
  const dy = (lineHeight - p.font.size * LINE_HEIGHT) / 2
  w.y += dy
  w.textAt(p.text, style, x + p.x)
  w.y -= dy
  if (!p.underline && !p.strike) return
  const mid = w.y + lineHeight / 2
  w.doc.setDrawColor(base.color ?? '#1f2328')
  w.doc.setLineWidth(Math.max(0.5, p.font.size / 16))
  if (p.underline) w.doc.line(x + p.x, mid + p.font.size * 0.42, x + p.x + p.width, mid + p.font.size * 0.42)
  if (p.strike) w.doc.line(x + p.x, mid + p.font.size * 0.02, x + p.x + p.width, mid + p.font.size * 0.02)
}

/**
 * A list item (no marker: a block) whose text is formatted: bold, italic, strike-through, underline, its own bulleted and
 * numbered lists, quotes and headings, laid out as the board lays a note out; the detail (who
 * wrote it, votes) follows in its own style, under the text.
 */
export function richItem(
  w: PdfWriter,
  marker: string,
  rich: RichText,
  style: TextStyle,
  detail?: { text: string; style: TextStyle },
): void {
  const indent = style.indent ?? 0
  const hang = marker ? Math.max(style.size * 1.4, w.measure(marker, style) + style.size * 0.5) : 0
  const x = w.margin + indent + hang
  const measure = (text: string, font: FontSpec): number => w.measure(text, styleOf(font, style))
  const layout = layoutRich(
    flattenRich(rich),
    w.width(indent + hang),
    { fontSize: style.size, lineHeight: LINE_HEIGHT },
    measure,
  )
  const details = detail?.text ? w.lines(detail.text, detail.style, w.width(indent + hang)) : []
  const height = layout.height + details.length * (detail?.style.size ?? 0) * LINE_HEIGHT
  // an item and its detail stay on one page (unless the item alone is longer than a page)
  if (height < w.page.h - w.margin * 2) w.ensure(height)
  layout.lines.forEach((line, i) => {
    w.ensure(line.height)
    if (i === 0 && marker) w.textAt(marker, style, w.margin + indent)
    w.doc.setFillColor('#b8b5ad')
    for (const bar of line.bars) w.doc.rect(x + bar, w.y, 2, line.height, 'F')
    if (line.ruleFrom !== null)
      w.doc.rect(x + line.ruleFrom, w.y + line.height / 2, w.width(indent + hang) - line.ruleFrom, 0.5, 'F')
    if (line.marker) drawPiece(w, line.marker, x, line.height, style)
    for (const piece of line.pieces) drawPiece(w, piece, x, line.height, style)
    w.y += line.height
  })
  if (detail)
    for (const text of details) {
      w.ensure(detail.style.size * LINE_HEIGHT)
      w.textAt(text, detail.style, x)
      w.y += detail.style.size * LINE_HEIGHT
    }
  w.y += style.after ?? 0
}
