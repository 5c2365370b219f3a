import { createContext, useContext, useEffect, useState } from 'react'

/** Turns an image's stored name into the address of its bytes (the board knows session and key). */
export const ImageSourceContext = createContext<(src: string) => string | null>(() => null)

type Loaded = { status: 'loading' | 'error' } | { status: 'ready'; image: HTMLImageElement }

/** Images already fetched, by address: scrolling an image out of view and back does not refetch it. */
const cache = new Map<string, Loaded>()
const waiting = new Map<string, Set<() => void>>()

function load(url: string): void {
  if (cache.has(url)) return
  cache.set(url, { status: 'loading' })
  const image = new window.Image()
  const settle = (state: Loaded) => {
    cache.set(url, state)
    for (const listener of waiting.get(url) ?? []) listener()
    waiting.delete(url)
  }
  image.onload = () => settle({ status: 'ready', image })
  image.onerror = () => settle({ status: 'error' })
  image.src = url
}

/** The decoded picture for a stored image name, once it has loaded. */
export function useBoardImage(src: string): Loaded {
  const url = useContext(ImageSourceContext)(src)
  const [, rerender] = useState(0)
  useEffect(() => {
    if (!url) return
    load(url)
    if (cache.get(url)?.status !== 'loading') return
    const listener = () => rerender((n) => n + 1)
    const set = waiting.get(url) ?? new Set()
    set.add(listener)
    waiting.set(url, set)
    return () => void set.delete(listener)
  }, [url])
  return (url && cache.get(url)) || { status: url ? 'loading' : 'error' }
}
