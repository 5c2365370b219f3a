/** At most this many items are brought in at once (a workshop's stories, not a database). */
export const MATERIAL_MAX_ITEMS = 300
/**
 * At most this much text (UTF-8 bytes) is read at once: 300 long stories fit, and the one update the
 * import makes stays well under what the relay takes in one message (1 MiB by default).
 */
export const MATERIAL_MAX_BYTES = 512 * 1024

/**
 * How a list is written: one item per line; paragraphs (blocks between blank lines, the first line a
 * block's title); Markdown (bullets and headings); CSV with a header row.
 */
export const MATERIAL_FORMATS = ['lines', 'paragraphs', 'markdown', 'csv'] as const
export type MaterialFormat = (typeof MATERIAL_FORMATS)[number]

/** One thing to bring in: a story card when it has a title and a text, else a note. */
export interface MaterialItem {
  readonly kind: 'story' | 'sticky'
  /** A story's title ('' for a note). */
  readonly title: string
  /** The text: a story's whole story, or the note's words. */
  readonly text: string
  /** Who told the story ('' for none). */
  readonly credit: string
  readonly anonymous: boolean
  /** BCP 47 tag of the text, '' for the session's language. */
  readonly lang: string
  /** A content note shown before the text, '' for none. */
  readonly contentNote: string
  /** The storyteller agrees to its being included in exports. */
  readonly consent: boolean
  /** The line (1-based) of the input it starts on, for the preview and errors. */
  readonly line: number
}

/** Why a list cannot be brought in; the interface words each in the reader's language. */
export type MaterialErrorCode =
  | 'empty'
  | 'too-big'
  | 'too-many'
  | 'not-text'
  | 'not-utf8'
  | 'csv-unclosed-quote'
  | 'csv-quote-in-field'
  | 'csv-after-quote'
  | 'csv-no-columns'
  | 'csv-extra-fields'
  | 'title-too-long'
  | 'credit-too-long'
  | 'note-too-long'
  | 'bad-lang'
  | 'bad-yes-no'

export interface MaterialError {
  readonly code: MaterialErrorCode
  /** The line (1-based) where the problem is, when there is one. */
  readonly line?: number
  /** How many there are (items, bytes, fields), when that is the problem. */
  readonly count?: number
  /** The most allowed. */
  readonly max?: number
  /** The value or the column at fault (shortened). */
  readonly value?: string
}

export type MaterialResult =
  | {
      readonly ok: true
      readonly format: MaterialFormat
      readonly items: readonly MaterialItem[]
      /** A title the list gives itself (a Markdown heading above the items), '' for none. */
      readonly title: string
      /** CSV columns that were not used (unknown names). */
      readonly unusedColumns: readonly string[]
    }
  | { readonly ok: false; readonly format: MaterialFormat; readonly error: MaterialError }

/** An item as a reader finds it, before it is checked and classed as a story or a note. */
export interface RawItem {
  readonly title: string
  readonly text: string
  readonly line: number
  readonly credit?: string
  readonly anonymous?: boolean
  readonly lang?: string
  readonly contentNote?: string
  readonly consent?: boolean
}

/** What a reader gives: the items, or an error; CSV also names the columns it did not use. */
export type ReadResult =
  | { readonly ok: true; readonly items: RawItem[]; readonly title?: string; readonly unused?: string[] }
  | { readonly ok: false; readonly error: MaterialError }
