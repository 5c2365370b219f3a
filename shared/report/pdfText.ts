import type { jsPDF } from 'jspdf'
import { isWinAnsi, wrapText } from '../export/textLayout'
import { fontCovering, type PdfFont } from './fonts'

/** How a block of text looks. */
export interface Style {
  readonly size: number
  readonly bold?: boolean
  readonly italic?: boolean
  readonly color?: string
  /** Left indent in points. */
  readonly indent?: number
  /** Space after the block, in points. */
  readonly after?: number
}

/** A picture of text no embedded font covers (emoji): the page draws one; the server has none. */
export type RasterText = (text: string, style: Style) => { data: string; w: number; h: number } | null

const LINE_HEIGHT = 1.35
const INK = '#1f2328'
const A4 = { w: 595.28, h: 841.89 }

interface Run {
  readonly text: string
  /** 'helvetica', an embedded font's name, a picture, or nothing (no way to show it). */
  readonly font: string | 'picture' | null
}

/**
 * Flowing text down A4 portrait pages for the insight report, on the server and in the page alike:
 * Helvetica where it can show the text, the embedded fonts (Noto Sans SC subsets, for Chinese)
 * elsewhere, pictures of text from `raster` for the rest (emoji, in the page), so the text stays
 * real, selectable text.
 */
export class PdfText {
  y: number
  readonly page = A4

  constructor(
    readonly doc: jsPDF,
    private readonly fonts: readonly PdfFont[],
    private readonly raster: RasterText | null,
    readonly margin = 56,
  ) {
    this.y = margin
    for (const f of fonts) {
      doc.addFileToVFS(`${f.name}.ttf`, f.base64)
      doc.addFont(`${f.name}.ttf`, f.name, 'normal')
    }
  }

  /** The width text may take at this indent. */
  width(indent = 0): number {
    return this.page.w - this.margin * 2 - indent
  }

  newPage(): void {
    this.doc.addPage('a4', 'portrait')
    this.y = this.margin
  }

  /** Moves to a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.page.h - this.margin && this.y > this.margin) this.newPage()
  }

  space(points: number): void {
    this.y += points
  }

  /** A heading, kept with at least two lines of what follows; a bookmark when its text allows. */
  heading(text: string, size: number, bookmark = false): void {
    this.ensure(size * LINE_HEIGHT + 3 * 11 * LINE_HEIGHT)
    // jsPDF writes bookmarks in PDFDocEncoding: only text Helvetica can show reads right there
    if (bookmark && isWinAnsi(text))
      this.doc.outline.add(null, text, { pageNumber: this.doc.getCurrentPageInfo().pageNumber })
    this.text(text, { size, bold: true, after: size * 0.45 })
  }

  /** Wrapped text, each line on the page it fits on; returns the height it took. */
  text(text: string, style: Style): number {
    const start = this.y
    const indent = style.indent ?? 0
    for (const line of this.lines(text, style, this.width(indent)))
      this.line(line, style, this.margin + indent)
    this.y += style.after ?? 0
    return this.y - start
  }

  /** A list item: its marker hangs left of the wrapped text. */
  item(marker: string, text: string, style: Style): void {
    const indent = style.indent ?? 0
    const hang = Math.max(style.size * 1.4, this.measure(marker, style) + style.size * 0.5)
    const lines = this.lines(text, style, this.width(indent + hang))
    lines.forEach((line, i) => {
      this.ensure(style.size * LINE_HEIGHT)
      if (i === 0) this.draw(marker, style, this.margin + indent)
      this.line(line, style, this.margin + indent + hang)
    })
    this.y += style.after ?? 0
  }

  /** A marker ("•") on the current line at `x`, before the text that follows it. */
  marker(text: string, style: Style, x: number): void {
    this.draw(text, style, x)
  }

  /** A bar down the left of what was just written from `top` (a quote set apart). */
  bar(top: number, x: number, color: string): void {
    if (top > this.y) return // the quote began on an earlier page: its bar is on this one only
    this.doc.setFillColor(color)
    this.doc.rect(x, top, 2.5, this.y - top, 'F')
  }

  /** Lines of `text` wrapped to `width`. */
  lines(text: string, style: Style, width: number): string[] {
    return wrapText(text, width, (s) => this.measure(s, style))
  }

  /** The width of `text` in this style, in points. */
  measure(text: string, style: Style): number {
    return this.runs(text).reduce((w, run) => w + this.runWidth(run, style), 0)
  }

  private line(text: string, style: Style, x: number): void {
    const h = style.size * LINE_HEIGHT
    this.ensure(h)
    this.draw(text, style, x)
    this.y += h
  }

  /** Draws one line at `x` on the current line, without moving on. */
  private draw(text: string, style: Style, x: number): void {
    const top = this.y + (style.size * (LINE_HEIGHT - 1)) / 2
    let at = x
    for (const run of this.runs(text)) {
      if (run.font === 'picture') {
        const picture = this.picture(run.text, style)
        if (picture) this.doc.addImage(picture.data, 'PNG', at, this.y, picture.w, picture.h)
      } else if (run.font) {
        this.setFont(style, run.font)
        this.doc.text(run.text, at, top, { baseline: 'top' })
      }
      at += this.runWidth(run, style)
    }
  }

  private runs(text: string): Run[] {
    if (isWinAnsi(text)) return [{ text, font: 'helvetica' }]
    const runs: { text: string; font: Run['font'] }[] = []
    for (const ch of text) {
      const font = isWinAnsi(ch)
        ? 'helvetica'
        : (fontCovering(this.fonts, ch)?.name ?? (this.raster ? 'picture' : null))
      const last = runs[runs.length - 1]
      if (last?.font === font) last.text += ch
      else runs.push({ text: ch, font })
    }
    return runs
  }

  private runWidth(run: Run, style: Style): number {
    if (run.font === null) return 0
    if (run.font === 'picture') return this.picture(run.text, style)?.w ?? 0
    this.setFont(style, run.font)
    return this.doc.getTextWidth(run.text)
  }

  private readonly pictures = new Map<string, ReturnType<RasterText>>()

  /** A picture of the text, drawn once per text and style (it is measured, then drawn). */
  private picture(text: string, style: Style): ReturnType<RasterText> {
    const key = `${JSON.stringify(style)}\n${text}`
    if (!this.pictures.has(key)) this.pictures.set(key, this.raster?.(text, style) ?? null)
    return this.pictures.get(key) ?? null
  }

  private setFont(style: Style, font: string): void {
    const variant =
      style.bold && style.italic ? 'bolditalic' : style.bold ? 'bold' : style.italic ? 'italic' : 'normal'
    // embedded fonts come in their regular weight only
    this.doc.setFont(font, font === 'helvetica' ? variant : 'normal')
    this.doc.setFontSize(style.size)
    this.doc.setTextColor(style.color ?? INK)
  }
}
