import type { Rect } from '../../shared/schema/geometry'

export { isWinAnsi, wrapText } from '../../shared/export/textLayout'

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
