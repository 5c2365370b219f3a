import type { FlatBlock, RichRun } from '../../../shared/schema/richBlocks'

/**
 * Lays rich text out in lines of positioned pieces, the way the note editor shows it, so the canvas
 * can draw a whole note with one shape. Pure: measuring is given (the canvas in the app, a stub in
 * tests). The sizes here match the editor's CSS (`.note-editor-content` in styles.css).
 */

/** What a piece of text is drawn in. */
export interface FontSpec {
  readonly size: number
  readonly bold: boolean
  readonly italic: boolean
  /** Monospaced (inline code and code blocks). */
  readonly code: boolean
}

/** Width of `text` in a font. */
export type RichMeasure = (text: string, font: FontSpec) => number

export interface PlacedText {
  readonly x: number
  readonly text: string
  readonly width: number
  readonly font: FontSpec
  readonly underline: boolean
  readonly strike: boolean
  /** Inline code gets a faint background. */
  readonly codeBg: boolean
}

export interface LaidLine {
  /** Top of the line. */
  readonly y: number
  readonly height: number
  readonly pieces: readonly PlacedText[]
  /** The list marker ("•", "2.") right-aligned before the first line of an item. */
  readonly marker: PlacedText | null
  /** Where quote bars run down this line. */
  readonly bars: readonly number[]
  /** A code block's background spans the line from this x. */
  readonly codeFrom: number | null
  /** A horizontal rule from this x. */
  readonly ruleFrom: number | null
}

export interface RichLayout {
  readonly lines: readonly LaidLine[]
  readonly height: number
  /** The base font size the layout was made at. */
  readonly fontSize: number
  /** Some text did not fit the height and was cut (the last line ends with an ellipsis). */
  readonly truncated: boolean
}

export interface BaseStyle {
  readonly fontSize: number
  readonly lineHeight: number
  /** All of the text bold (free text in the heading size). */
  readonly bold?: boolean
}

/** Heading sizes relative to the base size, h1 to h6. */
export const HEADING_SCALE = [1.5, 1.3, 1.15, 1, 1, 1] as const
/** Indent per list level and per quote, and code's size, relative to the base size. */
export const LIST_INDENT = 1.5
export const QUOTE_INDENT = 0.75
export const CODE_SCALE = 0.9
const MARKER_GAP = 0.4
const ELLIPSIS = '…'

interface Piece {
  readonly text: string
  readonly run: RichRun
}
/** A unit the wrapper never splits unless it is wider than a line: a word, a space run, one CJK character. */
interface Token {
  readonly pieces: Piece[]
  readonly space: boolean
  readonly newline: boolean
}

// Chinese, Japanese and Korean text has no spaces: a line may break between any two characters.
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f'
const TOKEN = new RegExp(`\\n|[ \\t]+|[${CJK}]|[^\\s${CJK}]+`, 'g')
const ONE_CJK = new RegExp(`^[${CJK}]$`)

/** Splits a block's runs into tokens; a word across runs (half bold) stays one token. */
function tokenize(runs: readonly RichRun[]): Token[] {
  const tokens: Token[] = []
  let word: Token | null = null
  for (const run of runs) {
    for (const match of run.text.matchAll(TOKEN)) {
      const text = match[0]
      const newline = text === '\n'
      const space = !newline && /^[ \t]/.test(text)
      const cjk = !newline && !space && ONE_CJK.test(text)
      if (!newline && !space && !cjk) {
        if (word) word.pieces.push({ text, run })
        else tokens.push((word = { pieces: [{ text, run }], space: false, newline: false }))
        continue
      }
      word = null
      tokens.push({ pieces: [{ text, run }], space, newline })
    }
    // a run boundary inside a word keeps the word joined; a space or CJK char has already ended it
  }
  return tokens
}

function fontFor(run: RichRun, size: number, base: BaseStyle, code: boolean): FontSpec {
  const isCode = code || run.code === true
  return {
    size: isCode ? size * CODE_SCALE : size,
    bold: base.bold === true || run.bold === true,
    italic: run.italic === true,
    code: isCode,
  }
}

/** Context for laying out one block. */
interface BlockFrame {
  readonly x: number
  readonly width: number
  readonly size: number
  readonly base: BaseStyle
  readonly code: boolean
  readonly heading: boolean
  readonly measure: RichMeasure
}

function place(piece: Piece, x: number, f: BlockFrame): PlacedText {
  const run = f.heading ? { ...piece.run, bold: true as const } : piece.run
  const font = fontFor(run, f.size, f.base, f.code)
  return {
    x,
    text: piece.text,
    width: f.measure(piece.text, font),
    font,
    underline: run.underline === true,
    strike: run.strike === true,
    codeBg: run.code === true && !f.code,
  }
}

/** Splits a piece wider than the line into pieces that fit, character by character. */
function breakPiece(piece: PlacedText, room: number, full: number, f: BlockFrame): PlacedText[][] {
  const rows: PlacedText[][] = []
  let rest = [...piece.text]
  let x = piece.x
  let available = room
  while (rest.length > 0) {
    let n = 1
    while (n < rest.length && f.measure(rest.slice(0, n + 1).join(''), piece.font) <= available) n++
    const text = rest.slice(0, n).join('')
    rows.push([{ ...piece, x, text, width: f.measure(text, piece.font) }])
    rest = rest.slice(n)
    x = f.x
    available = full
  }
  return rows
}

/** Wraps one block's tokens into rows of placed pieces (x positions absolute). */
function wrapBlock(tokens: readonly Token[], f: BlockFrame): PlacedText[][] {
  const rows: PlacedText[][] = [[]]
  let x = f.x
  let wrapped = false // the current row began because the last one was full (not at a hard break)
  const right = f.x + f.width
  const row = (): PlacedText[] => rows[rows.length - 1]!
  const newRow = (wrap: boolean): void => {
    rows.push([])
    x = f.x
    wrapped = wrap
  }
  for (const token of tokens) {
    if (token.newline) {
      newRow(false)
      continue
    }
    const placed: PlacedText[] = []
    let width = 0
    for (const piece of token.pieces) {
      const p = place(piece, x + width, f)
      placed.push(p)
      width += p.width
    }
    if (token.space) {
      if (wrapped && row().length === 0) continue // no space at the start of a wrapped line
      if (x + width > right)
        newRow(true) // the line breaks at this space, which is not drawn
      else {
        row().push(...placed)
        x += width
      }
      continue
    }
    if (x + width <= right + 0.01) {
      row().push(...placed)
      x += width
      continue
    }
    if (row().length > 0) newRow(true)
    // the token starts a line; a word wider than the line breaks between characters
    for (const p of placed) {
      const shifted = { ...p, x }
      if (x + p.width <= right + 0.01) {
        row().push(shifted)
        x += p.width
        continue
      }
      const broken = breakPiece(shifted, right - x, f.width, f)
      broken.forEach((r, i) => {
        if (i > 0) newRow(true)
        row().push(...r)
      })
      const last = row()[row().length - 1]
      x = last ? last.x + last.width : f.x
    }
  }
  return rows
}

/** Joins neighbouring pieces drawn alike, so a line is a few fillText calls, not one per word. */
function mergePieces(pieces: readonly PlacedText[]): PlacedText[] {
  const out: PlacedText[] = []
  for (const p of pieces) {
    const last = out[out.length - 1]
    const alike =
      last &&
      last.font.size === p.font.size &&
      last.font.bold === p.font.bold &&
      last.font.italic === p.font.italic &&
      last.font.code === p.font.code &&
      last.underline === p.underline &&
      last.strike === p.strike &&
      last.codeBg === p.codeBg &&
      Math.abs(last.x + last.width - p.x) < 0.01
    if (alike) out[out.length - 1] = { ...last, text: last.text + p.text, width: last.width + p.width }
    else out.push(p)
  }
  return out
}

/** Lays out flat blocks in a width; lines below `maxHeight` are dropped and the last one ellipsised. */
export function layoutRich(
  blocks: readonly FlatBlock[],
  width: number,
  base: BaseStyle,
  measure: RichMeasure,
  maxHeight = Infinity,
): RichLayout {
  const lines: LaidLine[] = []
  let y = 0
  let truncated = false
  const em = base.fontSize
  outer: for (const block of blocks) {
    const size = block.type === 'heading' ? em * (HEADING_SCALE[block.level - 1] ?? 1) : em
    const quoteX = block.quote * QUOTE_INDENT * em
    const x = quoteX + block.indent * LIST_INDENT * em
    const bars = Array.from({ length: block.quote }, (_, i) => i * QUOTE_INDENT * em + 1.5)
    const frame: BlockFrame = {
      x,
      width: Math.max(em, width - x),
      size,
      base,
      code: block.type === 'code',
      heading: block.type === 'heading',
      measure,
    }
    const rows = block.type === 'rule' ? [[]] : wrapBlock(tokenize(block.runs), frame)
    for (const [i, row] of rows.entries()) {
      const tallest = Math.max(size, ...row.map((p) => p.font.size))
      const height = block.type === 'rule' ? em * 0.6 : tallest * base.lineHeight
      if (y + height > maxHeight + 0.01) {
        truncated = true
        break outer
      }
      const marker =
        i === 0 && block.marker
          ? ((m: PlacedText) => ({ ...m, x: x - MARKER_GAP * em - m.width }))(
              place({ text: block.marker, run: { text: block.marker } }, 0, {
                ...frame,
                heading: false,
                code: false,
              }),
            )
          : null
      lines.push({
        y,
        height,
        pieces: mergePieces(row),
        marker,
        bars,
        codeFrom: frame.code ? x : null,
        ruleFrom: block.type === 'rule' ? x : null,
      })
      y += height
    }
  }
  if (truncated && lines.length > 0)
    lines[lines.length - 1] = ellipsise(lines[lines.length - 1]!, width, measure)
  return { lines, height: y, fontSize: em, truncated }
}

/** Ends a line with "…", dropping characters from its end until it fits. */
function ellipsise(line: LaidLine, width: number, measure: RichMeasure): LaidLine {
  const pieces = [...line.pieces]
  const last = pieces[pieces.length - 1]
  const font = last?.font ?? { size: line.height, bold: false, italic: false, code: false }
  const dots = measure(ELLIPSIS, font)
  for (;;) {
    const end = pieces[pieces.length - 1]
    if (!end) break
    if (end.x + end.width + dots <= width) break
    const chars = [...end.text]
    if (chars.length <= 1) {
      pieces.pop()
      continue
    }
    const text = chars.slice(0, -1).join('')
    pieces[pieces.length - 1] = { ...end, text, width: measure(text, end.font) }
  }
  const end = pieces[pieces.length - 1]
  const x = end ? end.x + end.width : 0
  const tail = end ? { ...end, text: end.text.trimEnd() } : null
  if (tail && end) pieces[pieces.length - 1] = { ...tail, width: measure(tail.text, tail.font) }
  const at = tail ? tail.x + tail.width : x
  pieces.push({
    x: at,
    text: ELLIPSIS,
    width: dots,
    font,
    underline: false,
    strike: false,
    codeBg: false,
  })
  return { ...line, pieces }
}

/**
 * The layout at the largest base size, from `max` down to `min`, at which everything fits the box:
 * long notes shrink to stay readable as a whole; at `min` what is left over is cut with an ellipsis.
 */
export function fitRich(
  blocks: readonly FlatBlock[],
  box: { readonly width: number; readonly height: number },
  size: { readonly max: number; readonly min: number; readonly lineHeight: number },
  measure: RichMeasure,
): RichLayout {
  const at = (fontSize: number, maxHeight = Infinity): RichLayout =>
    layoutRich(blocks, box.width, { fontSize, lineHeight: size.lineHeight }, measure, maxHeight)
  const fits = (l: RichLayout): boolean => l.height <= box.height + 0.01
  const largest = at(size.max)
  if (fits(largest)) return largest
  // binary search over whole sizes: a smaller size never takes more height
  let lo = size.min
  let hi = size.max - 1
  let best: RichLayout | null = null
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2)
    const layout = at(mid)
    if (fits(layout)) {
      best = layout
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return best ?? at(size.min, box.height)
}
