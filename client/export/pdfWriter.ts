import type { jsPDF } from 'jspdf'
import { a4, isWinAnsi, wrapText, type Size } from './layout'
import { i18n } from '../i18n'
import type { PdfFonts } from './pdfFonts'

export interface TextStyle {
  readonly size: number
  readonly bold?: boolean
  readonly italic?: boolean
  readonly color?: string
  /** Left indent in points. */
  readonly indent?: number
  /** Space after the block, in points. */
  readonly after?: number
}

type Orientation = 'portrait' | 'landscape'

const LINE_HEIGHT = 1.35
/** Text no font of the PDF can show (emoji, say) is drawn as a picture at this many pixels per point. */
const RASTER_SCALE = 4
/** The family the pictures of text use: the browser's own fonts cover far more scripts than Helvetica. */
const RASTER_FONT = 'Helvetica, Arial, "Noto Sans", system-ui, sans-serif'

/** A stretch of a line drawn in one font: Helvetica, an embedded font, or a picture of the text. */
interface Run {
  readonly text: string
  readonly font: 'helvetica' | 'picture' | (string & {})
}

/**
 * Writes flowing text and pictures down A4 pages with jsPDF, starting a new page when one is full.
 * Text stays real (selectable, searchable) text: Helvetica where it can show it, embedded fonts
 * (`fonts`, e.g. Noto Sans SC for Chinese) elsewhere; only characters no font covers (emoji)
 * become small pictures instead of the garbage jsPDF would print.
 */
export class PdfWriter {
  /** Where the next block starts, in points from the top of the current page. */
  y: number
  /** Fonts embedded for characters Helvetica lacks (see embedFontsFor). */
  fonts: PdfFonts | null = null
  private orientation: Orientation

  constructor(
    readonly doc: jsPDF,
    readonly margin = 56,
  ) {
    this.orientation =
      doc.internal.pageSize.getWidth() > doc.internal.pageSize.getHeight() ? 'landscape' : 'portrait'
    this.y = margin
  }

  /** The current page's size. */
  get page(): Size {
    return a4(this.orientation)
  }

  /** The current page's number (1-based). */
  get pageNumber(): number {
    return this.doc.getCurrentPageInfo().pageNumber
  }

  /** The width text may take at this indent. */
  width(indent = 0): number {
    return this.page.w - this.margin * 2 - indent
  }

  /** Starts a new page (in the same orientation unless told). */
  newPage(orientation: Orientation = this.orientation): void {
    this.orientation = orientation
    this.doc.addPage('a4', orientation)
    this.y = this.margin
  }

  /** Moves to a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.page.h - this.margin && this.y > this.margin) this.newPage()
  }

  /** Leaves some empty space before the next block. */
  space(points: number): void {
    this.y += points
  }

  /** A heading: kept together with at least two lines of what follows it. */
  heading(text: string, size: number): void {
    this.ensure(size * LINE_HEIGHT + 3 * 12 * LINE_HEIGHT)
    this.text(text, { size, bold: true, after: size * 0.5 })
  }

  /** A block of wrapped text. */
  text(text: string, style: TextStyle): void {
    const indent = style.indent ?? 0
    for (const line of this.lines(text, style, this.width(indent)))
      this.line(line, style, this.margin + indent)
    this.y += style.after ?? 0
  }

  /**
   * A list item: its marker ("•", "3.") hangs left of the wrapped text; an optional detail (who
   * wrote it, votes) follows in its own smaller style, under the text.
   */
  item(marker: string, text: string, style: TextStyle, detail?: { text: string; style: TextStyle }): void {
    const indent = style.indent ?? 0
    const hang = Math.max(style.size * 1.4, this.measure(marker, style) + style.size * 0.5)
    const x = this.margin + indent + hang
    const lines = this.lines(text, style, this.width(indent + hang))
    const details = detail?.text ? this.lines(detail.text, detail.style, this.width(indent + hang)) : []
    // an item and its detail stay on one page (unless the item alone is longer than a page)
    const height = (lines.length * style.size + details.length * (detail?.style.size ?? 0)) * LINE_HEIGHT
    if (height < this.page.h - this.margin * 2) this.ensure(height)
    lines.forEach((line, i) => {
      if (i === 0) {
        this.ensure(style.size * LINE_HEIGHT)
        this.textAt(marker, style, this.margin + indent)
      }
      this.line(line, style, x)
    })
    if (detail) for (const line of details) this.line(line, detail.style, x)
    this.y += style.after ?? 0
  }

  /** A picture at a given place (it does not move the flow; the caller sets `y` after it). */
  image(data: string, format: 'JPEG' | 'PNG', box: { x: number; y: number; w: number; h: number }): void {
    this.doc.addImage(data, format, box.x, box.y, box.w, box.h, undefined, 'FAST')
  }

  /** Lines of `text` wrapped to `width` in this style. */
  lines(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, width, (s) => this.measure(s, style))
  }

  private line(text: string, style: TextStyle, x: number): void {
    const h = style.size * LINE_HEIGHT
    this.ensure(h)
    this.textAt(text, style, x)
    this.y += h
  }

  /** Draws one line of text at `x` on the current line, without moving the flow. */
  textAt(text: string, style: TextStyle, x: number): void {
    if (!text) return
    const top = this.y + (style.size * (LINE_HEIGHT - 1)) / 2
    let at = x
    for (const run of this.runs(text)) {
      if (run.font === 'picture') {
        const picture = rasterText(run.text, style)
        if (picture) this.image(picture.data, 'PNG', { x: at, y: this.y, w: picture.w, h: picture.h })
      } else {
        this.setFont(style, run.font)
        this.doc.text(run.text, at, top, { baseline: 'top' })
      }
      at += this.runWidth(run, style)
    }
  }

  /** The line cut into stretches that each one font can show. */
  private runs(text: string): Run[] {
    if (isWinAnsi(text)) return [{ text, font: 'helvetica' }]
    const runs: { text: string; font: Run['font'] }[] = []
    for (const ch of text) {
      const font = isWinAnsi(ch) ? 'helvetica' : (this.fonts?.fontFor(ch) ?? 'picture')
      const last = runs[runs.length - 1]
      if (last?.font === font) last.text += ch
      else runs.push({ text: ch, font })
    }
    return runs
  }

  private runWidth(run: Run, style: TextStyle): number {
    if (run.font === 'picture') {
      const ctx = measuringContext()
      ctx.font = cssFont(style)
      return ctx.measureText(run.text).width
    }
    this.setFont(style, run.font)
    return this.doc.getTextWidth(run.text)
  }

  private setFont(style: TextStyle, font = 'helvetica'): void {
    const variant =
      style.bold && style.italic ? 'bolditalic' : style.bold ? 'bold' : style.italic ? 'italic' : 'normal'
    // embedded fonts come in their regular weight only
    this.doc.setFont(font, font === 'helvetica' ? variant : 'normal')
    this.doc.setFontSize(style.size)
    this.doc.setTextColor(style.color ?? '#1f2328')
  }

  /** The width of `text` in this style, in points. */
  measure(text: string, style: TextStyle): number {
    return this.runs(text).reduce((width, run) => width + this.runWidth(run, style), 0)
  }
}

const cssFont = (style: TextStyle): string =>
  `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${style.size}px ${RASTER_FONT}`

let measurer: CanvasRenderingContext2D | null = null
function measuringContext(): CanvasRenderingContext2D {
  measurer ??= document.createElement('canvas').getContext('2d')
  if (!measurer) throw new Error(i18n.t('common:errors.noCanvas'))
  return measurer
}

/** One line of text as a transparent PNG, sized in points (for characters no embedded font covers). */
export function rasterText(text: string, style: TextStyle): { data: string; w: number; h: number } | null {
  const measure = measuringContext()
  measure.font = cssFont(style)
  const w = Math.ceil(measure.measureText(text).width + 2)
  const h = style.size * LINE_HEIGHT
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(w * RASTER_SCALE)
  canvas.height = Math.ceil(h * RASTER_SCALE)
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.scale(RASTER_SCALE, RASTER_SCALE)
  ctx.font = cssFont(style)
  ctx.fillStyle = style.color ?? '#1f2328'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, 0, h / 2)
  return {
    data: canvas.toDataURL('image/png'),
    w: canvas.width / RASTER_SCALE,
    h: canvas.height / RASTER_SCALE,
  }
}
