/**
 * A subscription that tells its listeners at most once per animation frame, however often the
 * source changes; it listens to the source only while someone listens to it.
 */
export function eachFrame(source: (listener: () => void) => () => void) {
  const listeners = new Set<() => void>()
  let pending = false
  const tell = () => {
    pending = false
    for (const l of listeners) l()
  }
  const onChange = () => {
    if (pending) return
    pending = true
    requestAnimationFrame(tell)
  }
  let unsubscribe: (() => void) | null = null
  return (listener: () => void) => {
    listeners.add(listener)
    unsubscribe ??= source(onChange)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && unsubscribe) {
        unsubscribe()
        unsubscribe = null
      }
    }
  }
}
