import { useMemo, type CSSProperties } from 'react'
import type * as Y from 'yjs'
import { textOf } from '../../shared/schema/boardDoc'
import { LINE_HEIGHT } from '../../shared/schema/geometry'
import { TEXT_SIZE_PX, type BoardObject } from '../../shared/schema/kinds'
import { ObjectOverlay } from '../canvas/ObjectOverlay'
import { boundsOf } from '../canvas/objects/bounds'
import type { Viewport } from '../canvas/viewport'
import { NoteEditor } from '../text/LazyNoteEditor'
import { STICKY_FILL } from '../theme'
import { i18n } from '../i18n'

/** The rich-text editor laid over the note being edited, at the note's place and zoom. */
export function NoteEditorLayer(props: {
  doc: Y.Doc
  object: BoardObject
  viewport: Viewport
  onDone: () => void
  /** Writes text typed before the editor's code arrived into the note (its own command). */
  keepTyped: (text: string) => void
}) {
  const { doc, object } = props
  const fragment = useMemo(() => textOf(doc, object.id), [doc, object.id])
  if (!fragment) return null
  const look = editorLook(object)
  return (
    <ObjectOverlay rect={look.rect} viewport={props.viewport}>
      <NoteEditor
        key={object.id}
        noteId={object.id}
        fragment={fragment}
        label={
          object.author ? i18n.t('board:editor.by', { label: look.label, author: object.author }) : look.label
        }
        onDone={props.onDone}
        keepTyped={props.keepTyped}
        lang={object.lang}
        style={look.style}
      />
    </ObjectOverlay>
  )
}

/**
 * How the editor matches what it edits: a note's colour and padding, or free text's size and ink
 * on a faint white (so it stays readable over anything), one line taller to type into.
 */
function editorLook(object: BoardObject): {
  rect: ReturnType<typeof boundsOf>
  style: CSSProperties
  label: string
} {
  const rect = boundsOf(object)
  if (object.kind === 'text') {
    const px = TEXT_SIZE_PX[object.props.size]
    const style = {
      background: 'rgba(255, 255, 255, 0.9)',
      '--note-font-size': `${px}px`,
      '--note-padding': '0px',
      '--note-color': object.props.color,
      '--note-weight': object.props.size === 'heading' ? '700' : '400',
      '--note-line-height': String(LINE_HEIGHT),
    } as CSSProperties
    return { rect: { ...rect, h: rect.h + px * LINE_HEIGHT }, style, label: i18n.t('board:editor.text') }
  }
  const background = object.kind === 'sticky' ? STICKY_FILL[object.props.color] : '#ffffff'
  return { rect, style: { background }, label: i18n.t('board:editor.note') }
}
