import type * as Y from 'yjs'
import { metaOf } from './boardDoc'

/** The board document's schema version; bump it with an upgrade step below. */
export const DOC_VERSION = 1

/** Stamps a new board document with the current schema version. */
export function stampVersion(doc: Y.Doc): void {
  metaOf(doc).set('version', DOC_VERSION)
}

/** The schema version a document was written with (0 when unknown). */
export function readVersion(doc: Y.Doc): number {
  const v = metaOf(doc).get('version')
  return typeof v === 'number' ? v : 0
}
