import { guessDelimiter, readCsv } from './csv'
import type { MaterialError, RawItem, ReadResult } from './types'

type Column = 'title' | 'text' | 'credit' | 'anonymous' | 'lang' | 'contentNote' | 'consent'

/** Header names each column goes by (lower case, spaces/underscores/hyphens removed), English and Chinese. */
const NAMES: Readonly<Record<Column, readonly string[]>> = {
  title: ['title', 'heading', 'name of story', 'storytitle', '标题', '题目', '故事标题'],
  text: [
    'text',
    'story',
    'body',
    'content',
    'note',
    'notes',
    'description',
    'words',
    '内容',
    '故事',
    '正文',
    '文本',
  ],
  credit: [
    'credit',
    'storyteller',
    'teller',
    'author',
    'by',
    'name',
    'told by',
    'toldby',
    '讲述者',
    '作者',
    '署名',
  ],
  anonymous: ['anonymous', 'anon', '匿名'],
  lang: ['lang', 'language', 'languagetag', 'locale', '语言'],
  contentNote: [
    'contentnote',
    'contentwarning',
    'triggerwarning',
    'warning',
    'cw',
    'tw',
    '内容提示',
    '内容警告',
  ],
  consent: ['consent', 'agreed', 'shareable', 'share', '同意'],
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '')

function columnOf(header: string): Column | null {
  const name = squash(header)
  for (const [column, names] of Object.entries(NAMES) as [Column, readonly string[]][])
    if (names.some((n) => squash(n) === name)) return column
  return null
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '是', '对', '匿名', '同意'])
const NO = new Set(['no', 'n', 'false', '0', '', '否', '不', '不同意'])

/** A yes/no cell; null when it is neither. */
function yesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase()
  if (YES.has(v)) return true
  if (NO.has(v)) return false
  return null
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s)

/**
 * CSV with a header row: known columns (title, text, credit, anonymous, lang, content note,
 * consent; see NAMES) are read, others left unused and named. Every row is checked: a row with more
 * fields than the header, or a yes/no column holding something else, is an error naming its line.
 */
export function readCsvMaterial(text: string): ReadResult {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'))
  const csv = readCsv(text, guessDelimiter(firstLine))
  if (!csv.ok) return { ok: false, error: { code: `csv-${csv.problem}`, line: csv.line } }
  const [header, ...rows] = csv.rows
  if (!header) return { ok: false, error: { code: 'empty' } }
  const columns = header.fields.map(columnOf)
  if (!columns.includes('text') && !columns.includes('title'))
    return {
      ok: false,
      error: { code: 'csv-no-columns', line: header.line, value: short(header.fields.join(', ')) },
    }
  const unused = header.fields.filter((_, i) => columns[i] === null).map((f) => f.trim())
  const items: RawItem[] = []
  for (const row of rows) {
    if (row.fields.length > header.fields.length)
      return {
        ok: false,
        error: {
          code: 'csv-extra-fields',
          line: row.line,
          count: row.fields.length,
          max: header.fields.length,
        },
      }
    const cell: Partial<Record<Column, string>> = {}
    columns.forEach((column, i) => {
      if (column && cell[column] === undefined) cell[column] = (row.fields[i] ?? '').trim()
    })
    const flags: { anonymous?: boolean; consent?: boolean } = {}
    for (const flag of ['anonymous', 'consent'] as const) {
      const raw = cell[flag]
      if (raw === undefined) continue
      const value = raw === '' && flag === 'consent' ? true : yesNo(raw)
      if (value === null) return { ok: false, error: badFlag(row.line, raw) }
      flags[flag] = value
    }
    const title = cell.title ?? ''
    const body = cell.text ?? ''
    if (title === '' && body === '') continue // a row of other columns only: nothing to show
    items.push({
      title,
      text: body,
      line: row.line,
      credit: cell.credit ?? '',
      lang: cell.lang ?? '',
      contentNote: cell.contentNote ?? '',
      ...flags,
    })
  }
  return { ok: true, items, unused }
}

const badFlag = (line: number, value: string): MaterialError => ({
  code: 'bad-yes-no',
  line,
  value: short(value),
})
