import { useEffect, useRef } from 'react'
import { holdPendingWrite } from '../state/pendingWrites'

/**
 * Typing is saved at most this long after a keystroke not yet saved (and at once when the field loses
 * focus): while someone types on, the others see their words arrive a few times a second, not only
 * when they pause.
 */
const SAVE_DELAY_MS = 250

/** Saves typing in batches; the last text is saved on flush and when the component goes away. */
export function useDebouncedSave(save: (text: string) => void) {
  const saveRef = useRef(save)
  saveRef.current = save
  const pending = useRef<{
    text: string
    timer: ReturnType<typeof setTimeout>
    release: () => void
  } | null>(null)
  const api = useRef({
    flush() {
      if (!pending.current) return
      const { text, timer, release } = pending.current
      clearTimeout(timer)
      release()
      pending.current = null
      saveRef.current(text)
    },
    /** Forgets the text not yet saved (the field can no longer change what it shows). */
    cancel() {
      if (!pending.current) return
      clearTimeout(pending.current.timer)
      pending.current.release()
      pending.current = null
    },
    schedule(text: string) {
      if (pending.current) pending.current.text = text
      else
        pending.current = {
          text,
          timer: setTimeout(() => api.current.flush(), SAVE_DELAY_MS),
          // made at once should the document be copied into a fresh one meanwhile
          release: holdPendingWrite(() => api.current.flush()),
        }
    },
  })
  useEffect(() => () => api.current.flush(), [])
  return api.current
}
