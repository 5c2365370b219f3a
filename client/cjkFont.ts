/**
 * Chinese in the page's text on a machine without a Chinese system font.
 *
 * Noto Sans SC comes as about a hundred subsets, each an @font-face with a unicode-range. Chromium
 * draws boxes for Chinese text laid out while the subset it needs was still unloaded when the web
 * font comes after a system font in the stack (system-ui first, for Latin): the text is not laid out
 * again once the subset arrives (seen in headings and buttons on a first visit). A web font first in
 * the stack is waited for properly. So the same files are registered again as "Noto Sans SC CJK",
 * restricted to the CJK ranges, and that family goes first: Chinese is drawn in it, Latin falls
 * through to the system font as before.
 */
const SOURCE_FAMILY = 'Noto Sans SC'
export const CJK_FIRST_FAMILY = 'Noto Sans SC CJK'
/** CJK radicals, punctuation, kana, Han, compatibility forms, half- and full-width forms. */
const CJK_START = 0x2e80

/** The parts of a unicode-range list at or above U+2E80 ('' when none). */
export function cjkPart(unicodeRange: string): string {
  return unicodeRange
    .split(',')
    .map((part) => part.trim())
    .filter((part) => {
      const m = /^U\+([0-9A-F?]+)(?:-([0-9A-F]+))?$/i.exec(part)
      if (!m) return false
      const end = parseInt((m[2] ?? m[1]!).replace(/\?/g, 'F'), 16)
      return end >= CJK_START
    })
    .map((part) => {
      const [start, end] = part.slice(2).split('-')
      // a range straddling the start keeps only its CJK end
      return parseInt(start!.replace(/\?/g, '0'), 16) < CJK_START
        ? `U+${CJK_START.toString(16)}-${end ?? start}`
        : part
    })
    .join(', ')
}

/** Registers the CJK-only copy of every Noto Sans SC face the page's style sheets declare. */
export function registerCjkFirstFont(doc: Document = document): void {
  if (typeof FontFace === 'undefined' || !doc.fonts) return
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList
    try {
      rules = sheet.cssRules
    } catch {
      continue // another origin's sheet: not ours
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue
      const style = rule.style
      if (!style.getPropertyValue('font-family').includes(SOURCE_FAMILY)) continue
      const range = cjkPart(style.getPropertyValue('unicode-range'))
      if (!range) continue
      doc.fonts.add(
        new FontFace(CJK_FIRST_FAMILY, style.getPropertyValue('src'), {
          unicodeRange: range,
          weight: style.getPropertyValue('font-weight') || '400',
          style: style.getPropertyValue('font-style') || 'normal',
          display: 'swap',
        }),
      )
    }
  }
}
