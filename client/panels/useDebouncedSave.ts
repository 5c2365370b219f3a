import { useEffect, useRef } from 'react'

/** Typing is saved this long after the last keystroke (and at once when the field loses focus). */
const SAVE_DELAY_MS = 250

/** Debounces saves; the last text is saved on flush and when the component goes away. */
export function useDebouncedSave(save: (text: string) => void) {
  const saveRef = useRef(save)
  saveRef.current = save
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null)
  const api = useRef({
    flush() {
      if (!pending.current) return
      clearTimeout(pending.current.timer)
      const { text } = pending.current
      pending.current = null
      saveRef.current(text)
    },
    /** Forgets the text not yet saved (the field can no longer change what it shows). */
    cancel() {
      if (pending.current) clearTimeout(pending.current.timer)
      pending.current = null
    },
    schedule(text: string) {
      if (pending.current) clearTimeout(pending.current.timer)
      pending.current = { text, timer: setTimeout(() => api.current.flush(), SAVE_DELAY_MS) }
    },
  })
  useEffect(() => () => api.current.flush(), [])
  return api.current
}
