import { i18n } from '../i18n'
import type { jsPDF } from 'jspdf'
import { isWinAnsi } from './layout'
import { facesFor, parseUnicodeRange, type PdfFont } from '../../shared/report/fonts'
import { woffToSfnt } from '../../shared/report/woffToSfnt'

export { parseUnicodeRange }

/** The web font whose subsets the PDF embeds for text Helvetica cannot show (Chinese above all). */
const FAMILY = 'Noto Sans SC'

/** Which embedded font draws a character that Helvetica cannot; null when none covers it. */
export interface PdfFonts {
  fontFor(ch: string): string | null
}

interface Face {
  readonly url: string
  readonly ranges: readonly (readonly [number, number])[]
}

/**
 * Embeds in `doc` the subsets of Noto Sans SC that `text` needs, so its Chinese is real text in the
 * PDF (selectable, searchable, read aloud) rather than a picture. The subsets are the same files the
 * page's @font-face rules point at: found through the page's style sheets, fetched only now, and
 * unpacked from WOFF to the TrueType jsPDF embeds (it keeps only the glyphs used).
 */
export async function embedFontsFor(doc: jsPDF, text: string): Promise<PdfFonts> {
  const faces = pageFaces()
  const wanted = new Map<Face, number>()
  const chosen = new Map<string, Face>()
  for (const ch of new Set(text)) {
    if (isWinAnsi(ch)) continue
    const code = ch.codePointAt(0)!
    const face = faces.find((f) => f.ranges.some(([lo, hi]) => code >= lo && code <= hi))
    if (!face) continue
    if (!wanted.has(face)) wanted.set(face, wanted.size)
    chosen.set(ch, face)
  }
  const names = new Map<Face, string>()
  await Promise.all(
    [...wanted].map(async ([face, i]) => {
      const data = await trueTypeBase64(face.url)
      if (!data) return // not reachable: that text falls back to a picture
      const name = `NotoSansSC-${i}`
      doc.addFileToVFS(`${name}.ttf`, data)
      doc.addFont(`${name}.ttf`, name, 'normal')
      names.set(face, name)
    }),
  )
  return { fontFor: (ch) => names.get(chosen.get(ch)!) ?? null }
}

/** The regular-weight @font-face rules of the family in the page's style sheets. */
function pageFaces(): Face[] {
  const faces: Face[] = []
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList
    try {
      rules = sheet.cssRules
    } catch {
      continue // another origin's sheet: not ours
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSFontFaceRule)) continue
      const style = rule.style
      if (!style.getPropertyValue('font-family').includes(FAMILY)) continue
      if (!['', '400', 'normal'].includes(style.getPropertyValue('font-weight'))) continue
      const src = /url\("?([^")]+?\.woff)"?\)/.exec(style.getPropertyValue('src'))?.[1]
      if (!src) continue
      faces.push({
        url: new URL(src, sheet.href ?? location.href).href,
        ranges: parseUnicodeRange(style.getPropertyValue('unicode-range')),
      })
    }
  }
  return faces
}

const loaded = new Map<string, Promise<string | null>>()

/** A subset as base64 TrueType, fetched once per page. */
function trueTypeBase64(url: string): Promise<string | null> {
  let font = loaded.get(url)
  if (!font) {
    font = fetch(url)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
      .then((woff) => toBase64(woffToSfnt(new Uint8Array(woff))))
      .catch(() => null)
    loaded.set(url, font)
  }
  return font
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/** The export's own words in the language of the page (titles, headings), whose glyphs a PDF needs too. */
export function exportLabels(): string {
  return JSON.stringify(i18n.getResourceBundle(i18n.language, 'export') ?? {})
}

/** The Noto Sans SC subsets `text` needs beyond Helvetica, for the insight report's PDF (shared/report/pdf). */
export async function reportFonts(text: string): Promise<PdfFont[]> {
  const faces = facesFor(text, pageFaces(), isWinAnsi)
  const fonts = await Promise.all(
    faces.map(async (face, i) => {
      const base64 = await trueTypeBase64(face.url)
      return base64 ? { name: `NotoSansSC-${i}`, base64, ranges: face.ranges } : null
    }),
  )
  return fonts.filter((f) => f !== null)
}
