import { useEffect, useState, type RefObject } from 'react'

/** Copies text to the clipboard; falls back to selecting the field and the old copy command. */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard API (plain http on another host, or permission refused): try the old way.
  }
  if (!field) return false
  field.focus()
  field.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  }
}

/** How long "Copied" stays visible after a copy. */
const COPIED_MS = 2500

/**
 * Copy for a link field: `copy()` copies `url` (selecting `field` where the clipboard is refused) and
 * `note` says how it went for a moment, in the caller's words.
 */
export function useCopyNote(
  url: string,
  field: RefObject<HTMLInputElement | null>,
  words: { copied: string; failed: string },
): { note: string; copy: () => Promise<void> } {
  const [note, setNote] = useState('')
  useEffect(() => {
    if (!note) return
    const timer = setTimeout(() => setNote(''), COPIED_MS)
    return () => clearTimeout(timer)
  }, [note])
  const copy = async () => setNote((await copyText(url, field.current)) ? words.copied : words.failed)
  return { note, copy }
}
