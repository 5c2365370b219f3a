/**
 * A strict CSV reader (RFC 4180, as spreadsheets write it): fields separated by one delimiter,
 * quoted with double quotes when they hold the delimiter, a quote or a line break, a quote inside a
 * quoted field doubled. Anything else is an error naming its line, never a guess: a wrongly quoted
 * file read loosely would shift every later field into the wrong column.
 */

export type CsvProblem = 'unclosed-quote' | 'quote-in-field' | 'after-quote'

export type CsvResult =
  | { readonly ok: true; readonly rows: readonly CsvRow[] }
  | { readonly ok: false; readonly problem: CsvProblem; readonly line: number }

/** One record: its fields and the line (1-based) it starts on. */
export interface CsvRow {
  readonly fields: readonly string[]
  readonly line: number
}

/** The delimiter a file uses, read from its first line: a comma unless only semicolons or tabs appear. */
export function guessDelimiter(firstLine: string): ',' | ';' | '\t' {
  const count = (c: string) => firstLine.split(c).length - 1
  const commas = count(',')
  if (count('\t') > commas && count('\t') >= count(';')) return '\t'
  if (count(';') > commas) return ';'
  return ','
}

/** Reads CSV text (line breaks already `\n`) into rows; rows that are wholly empty are left out. */
export function readCsv(text: string, delimiter: string): CsvResult {
  const rows: CsvRow[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let i = 0
  const endRow = () => {
    fields.push(field)
    if (fields.some((f) => f.trim() !== '')) rows.push({ fields, line: rowLine })
    fields = []
    field = ''
  }
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' && field.trim() === '') {
      // a quoted field: up to the closing quote; "" is a quote
      const start = line
      field = ''
      i += 1
      for (;;) {
        if (i >= text.length) return { ok: false, problem: 'unclosed-quote', line: start }
        const q = text[i]!
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i += 1
          break
        }
        if (q === '\n') line += 1
        field += q
        i += 1
      }
      // after the closing quote: spaces, then the delimiter or the end of the line
      while (text[i] === ' ') i += 1
      if (i < text.length && text[i] !== delimiter && text[i] !== '\n')
        return { ok: false, problem: 'after-quote', line }
      continue
    }
    if (c === '"') return { ok: false, problem: 'quote-in-field', line }
    if (c === delimiter) {
      fields.push(field)
      field = ''
    } else if (c === '\n') {
      endRow()
      line += 1
      rowLine = line
    } else field += c
    i += 1
  }
  if (field !== '' || fields.length > 0) endRow()
  return { ok: true, rows }
}
