/** Text measurements for exports laid out in points (the PDFs): wrapping, and what Helvetica can show. */

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
