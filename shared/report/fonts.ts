/** `U+4e00-4e0f, U+1f1e9` as code point ranges (an empty range means all of Unicode). */
export function parseUnicodeRange(value: string): [number, number][] {
  if (!value.trim()) return [[0, 0x10ffff]]
  return value.split(',').flatMap((part): [number, number][] => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    if (!m?.[1]) return []
    if (m[1].includes('?')) {
      return [[parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]]
    }
    const lo = parseInt(m[1], 16)
    return [[lo, m[2] ? parseInt(m[2], 16) : lo]]
  })
}

/** A web font's subset: where its file is, and the code points it covers. */
export interface FontFace {
  readonly url: string
  readonly ranges: readonly (readonly [number, number])[]
}

/** A TrueType font for the PDF, as base64, and the code points it covers. */
export interface PdfFont {
  readonly name: string
  readonly base64: string
  readonly ranges: readonly (readonly [number, number])[]
}

/** Does this face cover the code point? */
const inFace = (face: { ranges: FontFace['ranges'] }, code: number): boolean =>
  face.ranges.some(([lo, hi]) => code >= lo && code <= hi)

/** The faces that the characters of `text` need (those `builtIn` cannot show), in first-use order. */
export function facesFor<F extends FontFace>(
  text: string,
  faces: readonly F[],
  builtIn: (ch: string) => boolean,
): F[] {
  const wanted = new Set<F>()
  for (const ch of new Set(text)) {
    if (builtIn(ch)) continue
    const face = faces.find((f) => inFace(f, ch.codePointAt(0)!))
    if (face) wanted.add(face)
  }
  return [...wanted]
}

/** The font among `fonts` that covers this character, or null. */
export const fontCovering = (fonts: readonly PdfFont[], ch: string): PdfFont | null =>
  fonts.find((f) => inFace(f, ch.codePointAt(0)!)) ?? null

/**
 * The regular-weight faces of a CSS text of @font-face rules (as @fontsource ships Noto Sans SC),
 * their WOFF files as written in `src` (relative to the CSS file).
 */
export function facesFromCss(css: string): FontFace[] {
  const faces: FontFace[] = []
  for (const block of css.split('@font-face').slice(1)) {
    const weight = /font-weight:\s*([^;]+);/.exec(block)?.[1]?.trim() ?? '400'
    if (!['400', 'normal'].includes(weight)) continue
    const url = /url\(([^)]+?\.woff)\)/.exec(block)?.[1]?.replace(/^["']|["']$/g, '')
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? ''
    if (url) faces.push({ url, ranges: parseUnicodeRange(range) })
  }
  return faces
}
