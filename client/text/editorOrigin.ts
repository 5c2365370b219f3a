/**
 * The origin of every Yjs change a Tiptap editor in this tab makes (y-tiptap's sync plugin key).
 * The board's per-person undo tracks it too, so Undo after Escape still takes back what you typed
 * (and only what you typed: remote changes arrive with the provider as origin). The editor's module
 * hands it over as it loads, so the board's own modules need not import y-tiptap.
 */
let origin: unknown = null
const waiting = new Set<(origin: unknown) => void>()

/** Called once by the editor's module as it loads. */
export function provideEditorOrigin(value: unknown): void {
  origin = value
  for (const give of [...waiting]) give(value)
  waiting.clear()
}

/** Calls `give` with the editor's origin as soon as the editor's code is loaded; returns a cancel. */
export function withEditorOrigin(give: (origin: unknown) => void): () => void {
  if (origin !== null) {
    give(origin)
    return () => {}
  }
  waiting.add(give)
  return () => waiting.delete(give)
}

/** Whether the editor's code has loaded. */
export const editorLoaded = (): boolean => origin !== null
