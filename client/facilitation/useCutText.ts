import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * Whether any of the elements `selector` matches inside `root` shows less than its text (cut with
 * "…": its content is wider than its box). Measured at once, whenever the root's size changes, and
 * whenever what it holds changes (a strip's words change without its size changing).
 */
export function useCutText(root: RefObject<HTMLElement | null>, selector: string): boolean {
  const [cut, setCut] = useState(false)
  useLayoutEffect(() => {
    const el = root.current
    if (!el) return
    const measure = (): void => setCut(anyCut(el, selector))
    measure()
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    resized?.observe(el)
    const changed = new MutationObserver(measure)
    changed.observe(el, { childList: true, subtree: true, characterData: true, attributes: true })
    return () => {
      resized?.disconnect()
      changed.disconnect()
    }
  }, [root, selector])
  return cut
}

function anyCut(root: HTMLElement, selector: string): boolean {
  for (const el of root.querySelectorAll<HTMLElement>(selector))
    if (el.scrollWidth > el.clientWidth + 1) return true
  return false
}
