import { useMemo } from 'react'
import type * as Y from 'yjs'
import { textOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import type { NoteEditorSlot } from '../panels/NoteRow'
import { NoteEditor } from '../text/LazyNoteEditor'

/** The rich editor a list-view row opens for a formatted note, bound to that note's text. */
function ListNoteEditor(props: { doc: Y.Doc; object: BoardObject; label: string; onDone: () => void }) {
  const { doc, object } = props
  const fragment = useMemo(() => textOf(doc, object.id), [doc, object.id])
  if (!fragment) return null
  return <NoteEditor fragment={fragment} label={props.label} onDone={props.onDone} lang={object.lang} />
}

/** The list view's editor slot for a board document. */
export const listNoteEditor =
  (doc: Y.Doc): NoteEditorSlot =>
  (object, { label, onDone }) => <ListNoteEditor doc={doc} object={object} label={label} onDone={onDone} />
