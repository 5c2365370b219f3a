import type { Rect } from '../../shared/schema/geometry'

/**
 * Pure measurements for exports: crops, pixel ratios, fitting pictures on pages and wrapping text.
 * Kept free of the DOM so they can be unit-tested.
 */

/**
 * Largest bitmap we ask the browser for. Chromium allows 32,767 px a side and about 268 M px in all,
 * but memory runs out well before that on modest laptops, so exports stay well inside.
 */
export const CANVAS_LIMITS = { side: 16_000, area: 120_000_000 } as const

export interface Size {
  readonly w: number
  readonly h: number
}

/** A box grown by `margin` on every side, its edges moved outwards to whole units. */
export function withMargin(r: Rect, margin: number): Rect {
  const x = Math.floor(r.x - margin)
  const y = Math.floor(r.y - margin)
  return { x, y, w: Math.ceil(r.x + r.w + margin) - x, h: Math.ceil(r.y + r.h + margin) - y }
}

/** The pixel ratio to draw `size` at: `wanted`, lowered only as far as the bitmap limits need. */
export function pixelRatioFor(
  size: Size,
  wanted: number,
  limits: { side: number; area: number } = CANVAS_LIMITS,
) {
  if (size.w <= 0 || size.h <= 0) return wanted
  const bySide = limits.side / Math.max(size.w, size.h)
  const byArea = Math.sqrt(limits.area / (size.w * size.h))
  return Math.min(wanted, bySide, byArea)
}

/** `w`×`h` scaled to fit inside `box` (never enlarged past `maxScale`), centred across, at its top. */
export function fitRect(box: Rect, w: number, h: number, maxScale = Infinity): Rect {
  if (w <= 0 || h <= 0 || box.w <= 0 || box.h <= 0) return { x: box.x, y: box.y, w: 0, h: 0 }
  const scale = Math.min(box.w / w, box.h / h, maxScale)
  const fw = w * scale
  return { x: box.x + (box.w - fw) / 2, y: box.y, w: fw, h: h * scale }
}

/**
 * Lines of `text` no wider than `maxWidth` as `measure` reports widths: breaks at spaces, keeps the
 * text's own line breaks, and splits a word longer than a line (a URL, say) wherever it must.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = ''
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) out.push(line)
      line = ''
      let rest = word
      while (measure(rest) > maxWidth && rest.length > 1) {
        const cut = longestFit(rest, maxWidth, measure)
        out.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    out.push(line)
  }
  return out
}

/** How many characters of `word` fit in `maxWidth` (at least one, so wrapping always moves on). */
function longestFit(word: string, maxWidth: number, measure: (s: string) => number): number {
  const chars = Array.from(word)
  let lo = 1
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(chars.slice(0, mid).join('')) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join('').length
}

/** Characters of Windows-1252 beyond Latin-1 that the PDF's built-in fonts can show. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/**
 * Can the PDF's built-in fonts (Helvetica, WinAnsi encoding) show this text? Anything else (Cyrillic,
 * Arabic, CJK, emoji…) would come out as garbage, so the PDF draws it as a picture of the text instead.
 */
export function isWinAnsi(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || c === 0x09 || c === 0x0a) continue
    if (!CP1252_EXTRA.has(ch)) return false
  }
  return true
}

/** A4 in PDF points, as a page of that orientation. */
export function a4(orientation: 'portrait' | 'landscape'): Size {
  const short = 595.28
  const long = 841.89
  return orientation === 'portrait' ? { w: short, h: long } : { w: long, h: short }
}

/** The page orientation that shows a picture of this shape largest. */
export const orientationFor = (w: number, h: number): 'portrait' | 'landscape' =>
  w > h * 1.1 ? 'landscape' : 'portrait'

/**
 * Where a canvas picture goes on its page: the space below `top`, all of it when nothing follows,
 * otherwise `share` of it so the first notes start on the same page.
 */
export function pictureBox(page: Size, top: number, margin: number, followed: boolean, share = 0.72): Rect {
  const h = Math.max(0, page.h - margin - top)
  return { x: margin, y: top, w: page.w - margin * 2, h: followed ? h * share : h }
}

/** "12 March 2025", in the language the interface speaks ("2025年3月12日" in Chinese). */
export const longDate = (date: Date, lang?: string): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date)
