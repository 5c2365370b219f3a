import { lazy, Suspense } from 'react'
import type { NoteEditorProps } from './NoteEditor'

const load = () => import('./NoteEditor')
const Editor = lazy(() => load().then((m) => ({ default: m.NoteEditor })))

/**
 * Fetches the rich-text editor's code ahead of need: the board calls it once it has drawn, so the
 * first note someone opens does not wait for it (keys typed meanwhile are held, see typeAhead).
 */
export function preloadNoteEditor(): void {
  void load().catch(() => {
    // offline or a deploy in between: the editor's own load says so when it is opened
  })
}

/**
 * Fetches the editor's code once the page is idle (the board drawn), so it never competes with the
 * first draw; returns a cancel.
 */
export function preloadNoteEditorWhenIdle(): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(preloadNoteEditor, { timeout: 5000 })
    return () => window.cancelIdleCallback(handle)
  }
  const timer = setTimeout(preloadNoteEditor, 1000)
  return () => clearTimeout(timer)
}

/** The note editor, its code loaded on first use (Tiptap and ProseMirror are not on the join path). */
export function NoteEditor(props: NoteEditorProps) {
  return (
    <Suspense fallback={null}>
      <Editor {...props} />
    </Suspense>
  )
}
