import { useMemo } from 'react'
import type * as Y from 'yjs'
import { textOf } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { ObjectOverlay } from '../canvas/ObjectOverlay'
import { boundsOf } from '../canvas/objects/bounds'
import type { Viewport } from '../canvas/viewport'
import { NoteEditor } from '../text/NoteEditor'
import { STICKY_FILL } from '../theme'

/** The rich-text editor laid over the note being edited, at the note's place and zoom. */
export function NoteEditorLayer(props: {
  doc: Y.Doc
  object: BoardObject
  viewport: Viewport
  onDone: () => void
}) {
  const { doc, object } = props
  const fragment = useMemo(() => textOf(doc, object.id), [doc, object.id])
  if (!fragment) return null
  const background = object.kind === 'sticky' ? STICKY_FILL[object.props.color] : '#ffffff'
  return (
    <ObjectOverlay rect={boundsOf(object)} viewport={props.viewport}>
      <NoteEditor
        key={object.id}
        fragment={fragment}
        label={object.author ? `Note text, by ${object.author}` : 'Note text'}
        onDone={props.onDone}
        style={{ background }}
      />
    </ObjectOverlay>
  )
}
