import { editorLoaded } from './editorOrigin'

/**
 * Keys typed between pressing Sticky note (or Text, or clicking where one goes, or typing on a
 * selected note) and its editor taking focus would otherwise be lost: the editor mounts a moment later. While a new note opens, printable keys, Enter, Backspace
 * and Escape are held here, and the editor replays them as soon as it has focus.
 */
interface Held {
  text: string
  escape: boolean
}

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
}

/** Starts holding keys for an editor that is about to open (`first`: a key already taken for it). */
export function holdKeysForNewEditor(first = ''): void {
  stop()
  held = { text: first, escape: false }
  window.addEventListener('keydown', onKeyDown, true)
  // counted from when the editor's code is here: it may still be on its way
  const started = Date.now()
  let loadedAt = editorLoaded() ? started : 0
  const check = () => {
    const now = Date.now()
    if (!loadedAt && editorLoaded()) loadedAt = now
    if ((loadedAt && now - loadedAt >= HOLD_MS) || now - started > LOADING_MS) stop()
    else stopTimer = setTimeout(check, loadedAt ? HOLD_MS - (now - loadedAt) : 250)
  }
  stopTimer = setTimeout(check, loadedAt ? HOLD_MS : 250)
}

/** The keys held so far (and whether Escape was among them); holding stops. */
export function takeHeldKeys(): Held {
  const out = held ?? { text: '', escape: false }
  stop()
  return out
}
