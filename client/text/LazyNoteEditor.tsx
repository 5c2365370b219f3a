import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react'
import { editorLoaded } from './editorOrigin'
import type { NoteEditor as RichNoteEditor, NoteEditorProps } from './NoteEditor'
import { holdKeysForNewEditor, releaseHeldKeys, takeHeldKeys, type WriteWithoutEditor } from './typeAhead'

/** The editor itself once its code is here: used directly, so a note opened then never waits. */
let loaded: typeof RichNoteEditor | null = null
const load = () =>
  import('./NoteEditor').then((m) => {
    loaded = m.NoteEditor
    return m
  })
const Editor = lazy(() => load().then((m) => ({ default: m.NoteEditor })))

/** Fetches the rich-text editor's code ahead of need (offline or mid-deploy: its first use says so). */
function preload(): void {
  void load().catch(() => {})
}

/**
 * Fetches the editor's code once the board is drawn and the page idle, so it never competes with
 * the first draw and is here before most people open a note; returns a cancel.
 */
export function preloadNoteEditorWhenIdle(): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(preload, { timeout: 3000 })
    return () => window.cancelIdleCallback(handle)
  }
  const timer = setTimeout(preload, 500)
  return () => clearTimeout(timer)
}

/**
 * The note editor, its code (Tiptap and ProseMirror, a third of the board's) loaded after the board.
 * Until it is here, a plain text box takes what the person types (keys, an input method, a paste):
 * handed to the editor when it arrives, or written into the note if editing ends first.
 */
export function NoteEditor(props: NoteEditorProps) {
  const { autofocus = true, readOnly = false, noteId } = props
  // Set as this editor goes (before the box inside it goes: React lets go of parents first), so
  // the box knows editing ended rather than that the editor's code arrived to take its place.
  const closing = useRef(false)
  useLayoutEffect(() => {
    closing.current = false
    return () => {
      closing.current = true
      // Keys held for this note that no editor took (its code had just arrived, or the editor had
      // not got the keyboard yet) go into the note now, before an empty new note is let go.
      if (noteId) releaseHeldKeys(noteId)
    }
  }, [noteId])
  const isClosing = useCallback(() => closing.current, [])
  // Once the code is here, no stand-in box for a moment (React.lazy would suspend once more, and the
  // first note opened after loading would begin in the plain box, where Ctrl+B does nothing). Chosen
  // once per editor: switching while it is open would start it afresh under the person's fingers.
  const [Ready] = useState(() => loaded)
  if (Ready) return <Ready {...props} />
  return (
    <Suspense
      fallback={
        autofocus && !readOnly && props.keepTyped && noteId ? (
          <EditorArriving
            noteId={noteId}
            label={props.label}
            onDone={props.onDone}
            keep={props.keepTyped}
            isClosing={isClosing}
            lang={props.lang ?? ''}
          />
        ) : (
          <div className="note-editor" role="textbox" aria-label={props.label} aria-busy="true" />
        )
      }
    >
      <Editor {...props} />
    </Suspense>
  )
}

/**
 * Where the editor will be: a plain text box with the note's name, holding what was typed so far.
 * Escape ends editing as in the editor (the note stays selected).
 */
function EditorArriving({
  isClosing,
  ...props
}: {
  noteId: string
  label: string
  onDone: () => void
  keep: WriteWithoutEditor
  isClosing: () => boolean
  lang: string
}) {
  const done = useRef(props.onDone)
  done.current = props.onDone
  const box = useRef<HTMLTextAreaElement>(null)
  const typed = useRef('')
  const write = useRef(props.keep)
  write.current = props.keep
  const { noteId } = props
  useLayoutEffect(() => {
    const latest = write // the note's own command as last rendered
    // the keys held since Sticky note was pressed come first
    const held = takeHeldKeys()
    typed.current += held.text
    const node = box.current
    if (node) {
      node.value = typed.current
      node.focus({ preventScroll: true })
    }
    // Escape, taken before the board's own keys as the editor takes it: the note stays selected.
    // Listened to for exactly as long as this box is in the page: once the editor's code is here,
    // Escape is held with the text for the editor, which ends editing after writing it.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      done.current()
    }
    window.addEventListener('keydown', onKeyDown, true)
    if (held.escape) done.current()
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      const text = typed.current
      const keep = latest.current
      if (!text) return
      typed.current = ''
      // the editor's code arrived (it replaces this box now): it takes the text and the keyboard
      if (!isClosing() && editorLoaded()) return holdKeysForNewEditor(noteId, text, keep)
      // editing ended first: the text goes into the note now, before an empty new note is let go
      if (node) node.value = '' // (a development build's second mount starts afresh)
      keep(text)
    }
  }, [isClosing, noteId])
  return (
    <textarea
      ref={box}
      className="note-editor note-editor-arriving"
      aria-label={props.label}
      lang={props.lang || undefined}
      onInput={(e) => (typed.current = e.currentTarget.value)}
    />
  )
}
