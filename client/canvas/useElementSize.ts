import { useCallback, useLayoutEffect, useState } from 'react'
import type { Size } from './viewport'

/**
 * The live size of an element (the canvas's box), for the Konva stage that must be told its size.
 * Returns a callback ref to put on the element, and its size.
 */
export function useElementSize<T extends HTMLElement>(): [(el: T | null) => void, Size] {
  const [el, setEl] = useState<T | null>(null)
  const ref = useCallback((next: T | null) => setEl(next), [])
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useLayoutEffect(() => {
    if (!el) return
    const measure = () => {
      const { width, height } = el.getBoundingClientRect()
      setSize((old) =>
        old.width === Math.round(width) && old.height === Math.round(height)
          ? old
          : { width: Math.round(width), height: Math.round(height) },
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [el])
  return [ref, size]
}
