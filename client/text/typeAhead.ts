import { editorLoaded } from './editorOrigin'

/**
 * Keys typed between pressing Sticky note (or Text, or clicking where one goes, or typing on a
 * selected note) and its editor taking focus would otherwise be lost: the editor mounts a moment
 * later, and its code may still be on its way (LazyNoteEditor). While a new note opens, printable
 * keys, Enter, Backspace and Escape are held here, and the editor replays them as soon as it has
 * focus (or, while its code is on its way, the plain text box standing in for it).
 */
interface Held {
  /** The note the keys are for. */
  readonly id: string
  text: string
  escape: boolean
}

/** Where held keys go when editing ends before the editor's code is here (the note's own text). */
export type WriteWithoutEditor = (text: string) => void

let writeWithout: WriteWithoutEditor | null = null

let held: Held | null = null
let stopTimer: ReturnType<typeof setTimeout> | undefined
/**
 * Keys are held at most this long once the editor's code is here: past it, the editor did not take
 * them, and they are written into the note as they are. While its code is still loading (a slow
 * phone, a busy machine) the wait has not begun (up to LOADING_MS): the editor is on its way.
 * Never are held keys dropped: they were typed for the note, and the board never saw them.
 */
const HOLD_MS = 2000
const LOADING_MS = 30_000

function onKeyDown(e: KeyboardEvent): void {
  if (!held || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return
  if (e.key.length === 1) held.text += e.key
  else if (e.key === 'Enter') held.text += '\n'
  else if (e.key === 'Backspace') held.text = held.text.slice(0, -1)
  else if (e.key === 'Escape') held.escape = true
  else return
  e.preventDefault()
  e.stopImmediatePropagation()
}

function stop(): void {
  window.removeEventListener('keydown', onKeyDown, true)
  clearTimeout(stopTimer)
  held = null
  writeWithout = null
}

/**
 * Editing of a note ended before its editor took the keys held for it (Escape, a click elsewhere,
 * an editor that had not got the keyboard yet): they are written into the note as plain text, and
 * the keyboard is the board's again. Without `id`, whatever is held; with it, only keys for that note
 * (a note being closed must not take the keys typed for the next one).
 */
export function releaseHeldKeys(id?: string): void {
  if (!held || (id !== undefined && held.id !== id)) return
  const text = held.text
  const write = writeWithout
  stop()
  if (text && write) write(text)
}

/**
 * Starts holding keys for the editor of note `id`, about to open (`first`: a key already taken for
 * it; `write`: how to keep them if editing ends before the editor takes them). Keys still held for
 * another note are written into that note first.
 */
export function holdKeysForNewEditor(id: string, first: string, write: WriteWithoutEditor): void {
  // keys still held for this same note come first; those for another note go into it
  const before = held?.id === id ? held.text : ''
  if (held?.id !== id) releaseHeldKeys()
  stop()
  held = { id, text: before + first, escape: false }
  writeWithout = write
  window.addEventListener('keydown', onKeyDown, true)
  // counted from when the editor's code is here: it may still be on its way
  const started = Date.now()
  let loadedAt = editorLoaded() ? started : 0
  const check = () => {
    const now = Date.now()
    if (!loadedAt && editorLoaded()) loadedAt = now
    if ((loadedAt && now - loadedAt >= HOLD_MS) || now - started > LOADING_MS) releaseHeldKeys()
    else stopTimer = setTimeout(check, loadedAt ? HOLD_MS - (now - loadedAt) : 250)
  }
  stopTimer = setTimeout(check, loadedAt ? HOLD_MS : 250)
}

/**
 * The keys held so far, whether Escape was among them, and where they would go without the editor;
 * holding stops.
 */
export function takeHeldKeys(): Omit<Held, 'id'> & { readonly write: WriteWithoutEditor | null } {
  const out = { text: held?.text ?? '', escape: held?.escape ?? false, write: writeWithout }
  stop()
  return out
}
