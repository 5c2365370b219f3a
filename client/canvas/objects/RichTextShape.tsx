import { memo } from 'react'
import type Konva from 'konva'
import { Shape } from '../konva'
import type { FontSpec, PlacedText, RichLayout, RichMeasure } from './richLayout'
import { fontsVersion } from './webFonts'

/** Inline code and code blocks, as the editor's CSS shows them. */
export const CODE_FAMILY = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans SC", monospace'

/** The CSS font of a piece of rich text. */
export function cssFont(font: FontSpec, family: string): string {
  const style = font.italic ? 'italic ' : ''
  const weight = font.bold ? 'bold ' : ''
  return `${style}${weight}${font.size}px ${font.code ? CODE_FAMILY : family}`
}

const MAX_CACHED = 20_000
let context: CanvasRenderingContext2D | null | undefined
const widths = new Map<string, number>()
let measuredWith = -1

/**
 * Measures rich text with a shared offscreen canvas. Widths are cached (notes repeat words) and
 * forgotten when web-font subsets arrive, since the same characters are then drawn in another font.
 */
export function canvasRichMeasure(family: string): RichMeasure {
  return (text, font) => {
    if (context === undefined) context = document.createElement('canvas').getContext('2d')
    if (!context) return [...text].length * font.size * (font.bold ? 0.62 : 0.55)
    if (measuredWith !== fontsVersion()) {
      widths.clear()
      measuredWith = fontsVersion()
    }
    const css = cssFont(font, family)
    const key = `${css}\u0000${text}`
    const known = widths.get(key)
    if (known !== undefined) return known
    context.font = css
    const width = context.measureText(text).width
    if (widths.size >= MAX_CACHED) widths.clear()
    widths.set(key, width)
    return width
  }
}

/** Draws laid-out lines; the font is set only when it changes (setting it is what costs, not drawing). */
function drawLines(
  c: CanvasRenderingContext2D,
  layout: RichLayout,
  width: number,
  family: string,
  ink: string,
) {
  c.textBaseline = 'middle'
  c.textAlign = 'left'
  c.fillStyle = ink
  let current = ''
  const piece = (p: PlacedText, mid: number): void => {
    const size = p.font.size
    if (p.codeBg) {
      c.fillStyle = 'rgba(0, 0, 0, 0.08)'
      c.fillRect(p.x - 1, mid - size * 0.6, p.width + 2, size * 1.2)
      c.fillStyle = ink
    }
    const css = cssFont(p.font, family)
    if (css !== current) c.font = current = css
    c.fillText(p.text, p.x, mid)
    const thickness = Math.max(1, size / 14)
    if (p.underline) c.fillRect(p.x, mid + size * 0.42, p.width, thickness)
    if (p.strike) c.fillRect(p.x, mid + size * 0.04, p.width, thickness)
  }
  for (const line of layout.lines) {
    const mid = line.y + line.height / 2
    if (line.bars.length > 0 || line.ruleFrom !== null) {
      c.globalAlpha = 0.35
      for (const x of line.bars) c.fillRect(x, line.y, 3, line.height)
      if (line.ruleFrom !== null) c.fillRect(line.ruleFrom, mid - 0.5, width - line.ruleFrom, 1)
      c.globalAlpha = 1
    }
    if (line.codeFrom !== null) {
      c.fillStyle = 'rgba(0, 0, 0, 0.06)'
      c.fillRect(line.codeFrom, line.y, width - line.codeFrom, line.height)
      c.fillStyle = ink
    }
    if (line.marker) piece(line.marker, mid)
    for (const p of line.pieces) piece(p, mid)
  }
}

/**
 * One Konva shape drawing a whole laid-out note (a node per note, not per word, so boards of
 * thousands of notes stay fast). It draws what `layoutRich` placed, in the given ink and family.
 */
export const RichTextShape = memo(function RichTextShape(props: {
  readonly layout: RichLayout
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly ink: string
  readonly family: string
}) {
  const { layout, width, ink, family } = props
  const draw = (ctx: Konva.Context) => drawLines(ctx._context, layout, width, family, ink)
  return (
    <Shape
      x={props.x ?? 0}
      y={props.y ?? 0}
      width={width}
      height={layout.height}
      sceneFunc={draw}
      listening={false}
      perfectDrawEnabled={false}
    />
  )
})
