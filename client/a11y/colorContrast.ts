/** WCAG 2 contrast of colours given as `#rrggbb` or `rgba(r, g, b, a)` (alpha blended over the background). */

type Rgb = readonly [number, number, number]

/** Parses `#rgb`, `#rrggbb` or `rgb[a](r, g, b[, a])` into channels 0–255 and an alpha 0–1. */
export function parseColor(color: string): { rgb: Rgb; alpha: number } {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1]
    return { rgb: [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb, alpha: 1 }
  }
  const fn = /^rgba?\(([^)]+)\)$/i.exec(color.trim())
  if (!fn?.[1]) throw new Error(`Not a colour this understands: ${color}`)
  const parts = fn[1].split(',').map((p) => Number(p.trim()))
  return { rgb: [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0], alpha: parts[3] ?? 1 }
}

/** A colour with transparency as it shows over an opaque background. */
export function blend(fg: string, bg: string): Rgb {
  const f = parseColor(fg)
  const b = parseColor(bg).rgb
  return [0, 1, 2].map((i) => f.rgb[i]! * f.alpha + b[i]! * (1 - f.alpha)) as unknown as Rgb
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as unknown as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio (1–21) of text colour `fg` on an opaque background `bg`. */
export function contrastRatio(fg: string, bg: string): number {
  const a = luminance(blend(fg, bg))
  const b = luminance(parseColor(bg).rgb)
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}
