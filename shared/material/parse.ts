import { LANG_TAG } from '../lang'
import { CONTENT_NOTE_MAX } from '../schema/boardDoc'
import { STORY_CREDIT_MAX, STORY_TITLE_MAX } from '../schema/kinds/story'
import { readCsvMaterial } from './csvReader'
import {
  looksLikeMarkdown,
  looksLikeParagraphs,
  readLines,
  readMarkdown,
  readParagraphs,
} from './textReaders'
import {
  MATERIAL_MAX_BYTES,
  MATERIAL_MAX_ITEMS,
  type MaterialError,
  type MaterialFormat,
  type MaterialItem,
  type MaterialResult,
  type RawItem,
} from './types'

export * from './types'

/** The format a file's name says, or null when its ending is not one we read (.txt, .md, .csv). */
export function formatOfFile(name: string): MaterialFormat | 'text' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'csv' || ext === 'tsv') return 'csv'
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'txt' || ext === 'text') return 'text'
  return null
}

const CSV_HEADER = /^[^\n]*\b(title|text|story|body|content|标题|内容|故事)\b[^\n]*[,;\t]/i

/** The format text most likely is: CSV (a header naming a known column), Markdown, paragraphs, or lines. */
export function detectFormat(text: string, hint: MaterialFormat | 'text' | null = null): MaterialFormat {
  if (hint && hint !== 'text') return hint
  const clean = normalise(text).trimStart()
  const first = clean.slice(0, clean.indexOf('\n') < 0 ? clean.length : clean.indexOf('\n'))
  if (hint === null && CSV_HEADER.test(`${first},`) && /[,;\t]/.test(first)) return 'csv'
  if (looksLikeMarkdown(clean)) return 'markdown'
  return looksLikeParagraphs(clean) ? 'paragraphs' : 'lines'
}

/** Line breaks made `\n` and a byte-order mark taken away. */
const normalise = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

/**
 * Decodes a file's bytes as text: UTF-8 (or UTF-16 with its byte-order mark). Text in another
 * encoding is an error rather than a page of replacement characters.
 */
export function decodeMaterial(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: MaterialError } {
  if (bytes.byteLength > MATERIAL_MAX_BYTES * 2)
    return { ok: false, error: { code: 'too-big', count: bytes.byteLength, max: MATERIAL_MAX_BYTES } }
  try {
    const le = bytes[0] === 0xff && bytes[1] === 0xfe
    const be = bytes[0] === 0xfe && bytes[1] === 0xff
    const encoding = le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8'
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, error: { code: 'not-utf8' } }
  }
}

/**
 * Reads a pasted or uploaded list into the items it would add, all checked: either every item is
 * fine and the list is within the limits, or an error says what is wrong (and where) and nothing
 * is to be added.
 */
export function parseMaterial(input: string, format: MaterialFormat): MaterialResult {
  const fail = (error: MaterialError): MaterialResult => ({ ok: false, format, error })
  const bytes = new TextEncoder().encode(input).byteLength
  if (bytes > MATERIAL_MAX_BYTES) return fail({ code: 'too-big', count: bytes, max: MATERIAL_MAX_BYTES })
  // eslint-disable-next-line no-control-regex -- a NUL or other control character: a binary file
  const control = /[\u0000-\u0008\u000e-\u001f]/.exec(input)
  if (control) return fail({ code: 'not-text', line: input.slice(0, control.index).split('\n').length })
  const text = normalise(input)
  if (text.trim() === '') return fail({ code: 'empty' })
  const read =
    format === 'csv'
      ? readCsvMaterial(text)
      : format === 'markdown'
        ? readMarkdown(text)
        : format === 'paragraphs'
          ? readParagraphs(text)
          : readLines(text)
  if (!read.ok) return fail(read.error)
  if (read.items.length === 0) return fail({ code: 'empty' })
  if (read.items.length > MATERIAL_MAX_ITEMS)
    return fail({ code: 'too-many', count: read.items.length, max: MATERIAL_MAX_ITEMS })
  const items: MaterialItem[] = []
  for (const raw of read.items) {
    const item = classify(raw)
    const problem = checkItem(item)
    if (problem) return fail(problem)
    items.push(item)
  }
  return { ok: true, format, items, title: read.title ?? '', unusedColumns: read.unused ?? [] }
}

/** A story when it has a title and a text that says more; else a note holding whichever it has. */
function classify(raw: RawItem): MaterialItem {
  const title = raw.title.trim()
  const text = raw.text.trim()
  const story = title !== '' && text !== '' && text !== title
  return {
    kind: story ? 'story' : 'sticky',
    title: story ? title : '',
    text: story ? text : text || title,
    credit: raw.credit?.trim() ?? '',
    anonymous: raw.anonymous ?? false,
    lang: raw.lang?.trim() ?? '',
    contentNote: raw.contentNote?.trim() ?? '',
    consent: raw.consent ?? true,
    line: raw.line,
  }
}

function checkItem(item: MaterialItem): MaterialError | null {
  const at = { line: item.line }
  if (item.title.length > STORY_TITLE_MAX)
    return { code: 'title-too-long', ...at, count: item.title.length, max: STORY_TITLE_MAX }
  if (item.credit.length > STORY_CREDIT_MAX)
    return { code: 'credit-too-long', ...at, count: item.credit.length, max: STORY_CREDIT_MAX }
  if (item.contentNote.length > CONTENT_NOTE_MAX)
    return { code: 'note-too-long', ...at, count: item.contentNote.length, max: CONTENT_NOTE_MAX }
  if (item.lang.length > 40 || !LANG_TAG.test(item.lang))
    return { code: 'bad-lang', ...at, value: item.lang.slice(0, 40) }
  return null
}
