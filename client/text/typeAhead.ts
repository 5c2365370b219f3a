import { editorLoaded } from './editorOrigin'

/**
 * Keys typed between pressing Sticky note (or Text, or clicking where one goes, or typing on a
 * selected note) and its editor taking focus would otherwise be lost: the editor mounts a moment
 * later, and its code may still be on its way (LazyNoteEditor). While a new note opens, printable
 * keys, Enter, Backspace and Escape are held here, and the editor replays them as soon as it has
 * focus (or, while its code is on its way, the plain text box standing in for it).
 */
interface Held {
  text: string
  escape: boolean
}

/** Where held keys go when editing ends before the editor's code is here (the note's own text). */
export type WriteWithoutEditor = (text: string) => void

let writeWithout: WriteWithoutEditor | null = null

let held: Held | null = null
let stopTimer: ReturnType<typeof setTimeout> | undefined
/**
 * Keys are held at most this long once the editor's code is here: past it, the editor did not open
 * and the keys belong elsewhere. While its code is still loading (a slow phone, a busy machine) the
 * wait has not begun (up to LOADING_MS): the editor is on its way, and what someone typed is not lost.
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
 * Editing ended before the editor's code arrived (Escape, a click elsewhere): the keys held so far
 * are written into the note as plain text, and the keyboard is the board's again.
 */
export function releaseHeldKeys(): void {
  const text = held?.text ?? ''
  const write = writeWithout
  stop()
  if (text && write) write(text)
}

/**
 * Starts holding keys for an editor that is about to open (`first`: a key already taken for it;
 * `write`: how to keep them if editing ends before the editor's code is here).
 */
export function holdKeysForNewEditor(first = '', write?: WriteWithoutEditor): void {
  stop()
  held = { text: first, escape: false }
  writeWithout = write ?? null
  window.addEventListener('keydown', onKeyDown, true)
  // counted from when the editor's code is here: it may still be on its way
  const started = Date.now()
  let loadedAt = editorLoaded() ? started : 0
  const check = () => {
    const now = Date.now()
    if (!loadedAt && editorLoaded()) loadedAt = now
    if (loadedAt && now - loadedAt >= HOLD_MS) stop()
    else if (now - started > LOADING_MS) releaseHeldKeys()
    else stopTimer = setTimeout(check, loadedAt ? HOLD_MS - (now - loadedAt) : 250)
  }
  stopTimer = setTimeout(check, loadedAt ? HOLD_MS : 250)
}

/**
 * The keys held so far, whether Escape was among them, and where they would go without the editor;
 * holding stops.
 */
export function takeHeldKeys(): Held & { readonly write: WriteWithoutEditor | null } {
  const out = { ...(held ?? { text: '', escape: false }), write: writeWithout }
  stop()
  return out
}
