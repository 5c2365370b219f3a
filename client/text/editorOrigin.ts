/**
 * The origin of every Yjs change a Tiptap editor in this tab makes (y-tiptap's sync plugin key).
 * The board's per-person undo tracks it too, so Undo after Escape still takes back what you typed
 * (and only what you typed: remote changes arrive with the provider as origin). The editor's code
 * loads on demand (it is a third of the board's code), so the origin is handed over when it loads.
 */
let origin: unknown = null
const waiting = new Set<(origin: unknown) => void>()

/** Called once by the editor's module as it loads. */
export function provideEditorOrigin(value: unknown): void {
  origin = value
  for (const use of [...waiting]) use(value)
  waiting.clear()
}

/** Calls `use` with the editor's origin as soon as the editor's code is loaded; returns a cancel. */
export function withEditorOrigin(use: (origin: unknown) => void): () => void {
  if (origin !== null) {
    use(origin)
    return () => {}
  }
  waiting.add(use)
  return () => waiting.delete(use)
}

/** Whether the editor's code has loaded. */
export const editorLoaded = (): boolean => origin !== null
