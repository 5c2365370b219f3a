import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { provideEditorOrigin } from './editorOrigin'
import { takeHeldKeys } from './typeAhead'
import './prosemirror.css'

// the sync plugin's changes are this person's typing: the board's undo tracks them from now on
provideEditorOrigin(ySyncPluginKey)

export interface NoteEditorProps {
  /** The note's rich text; the editor edits it directly, so others see each keystroke. */
  readonly fragment: Y.XmlFragment
  /** Accessible name of the text box. */
  readonly label: string
  /** Escape: editing is over. */
  readonly onDone: () => void
  readonly style?: CSSProperties
  /** Take the keyboard at once (on the canvas, yes; in a form, no). Default true. */
  readonly autofocus?: boolean
  /** Shown but not editable (a viewer). */
  readonly readOnly?: boolean
  /** The note's language tag ('' for the board's own), so screen readers read it in the right voice. */
  readonly lang?: string
  /**
   * Keeps text typed before the editor's code arrived, should editing end first (LazyNoteEditor):
   * without it, nothing can be typed until the editor is here.
   */
  readonly keepTyped?: (text: string) => void
  /**
   * The note being edited, whose keys typed before its editor took the keyboard are held for it
   * (typeAhead): written into it if editing ends before the editor takes them.
   */
  readonly noteId?: string
}

/**
 * A Tiptap editor bound to one note's Y.XmlFragment. StarterKit's own undo is off: Collaboration
 * brings a Yjs-aware undo for typing, and the board's undo covers the rest. No links: the board
 * draws a note's text, where a link could not be followed (and linkify is 10 KB the page spares).
 */
export function NoteEditor(props: NoteEditorProps) {
  const { fragment, label, onDone, style, autofocus = true, readOnly = false } = props
  const done = useRef(onDone)
  done.current = onDone
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, link: false }),
        Collaboration.configure({ fragment }),
      ],
      autofocus: autofocus ? 'end' : false,
      // its CSS is in prosemirror.css: the page's Content-Security-Policy refuses inline <style>
      injectCSS: false,
      editable: !readOnly,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'note-editor-content',
        },
        handleKeyDown: (_view, event) => {
          if (event.key !== 'Escape') return false
          done.current()
          return true
        },
      },
    },
    [fragment, readOnly],
  )
  // Tiptap's own autofocus waits a tick; focusing as soon as the editor is in the page means the
  // first keys typed right after pressing Sticky note land in the note, not on the board.
  useLayoutEffect(() => {
    if (!autofocus || !editor || editor.isDestroyed) return
    // Tiptap's focus command waits for the next frame; keys typed meanwhile would reach the board.
    editor.view.focus()
    editor.commands.focus('end')
    const replay = () => {
      if (editor.isDestroyed) return
      const { text, escape } = takeHeldKeys()
      // At the end of what the note holds: a line continues it, Enter starts a new paragraph.
      text.split('\n').forEach((line, i) => {
        if (i > 0) editor.commands.splitBlock()
        if (line) editor.commands.insertContent({ type: 'text', text: line })
      })
      if (escape) done.current()
    }
    // Keys stay held until the text box really has the keyboard; then they go in, in order. (After
    // this commit: the plain box that stood in while this code arrived hands its text over as it goes.)
    if (editor.view.hasFocus()) return queueMicrotask(replay)
    editor.once('focus', replay)
    return () => {
      editor.off('focus', replay)
    }
  }, [editor, autofocus])
  // Set on the editable element itself, so changing the tag does not rebuild the editor mid-typing.
  const lang = props.lang ?? ''
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const dom = editor.view.dom
    if (lang) dom.setAttribute('lang', lang)
    else dom.removeAttribute('lang')
  }, [editor, lang])
  return <EditorContent editor={editor} className="note-editor" style={style} />
}
