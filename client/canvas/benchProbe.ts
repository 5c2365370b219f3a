/**
 * Hooks for `npm run bench:canvas`: counts how often each object node renders and marks the first
 * draw of a board. They cost one property check when no benchmark is running (the page defines
 * `window.__wbBench` only when the benchmark injects it).
 */
interface BenchProbe {
  renders: Record<string, number>
  /** When set: each object's text length as drawn, and the frame that drew it (ms since the epoch). */
  drawn?: { id: string; length: number; at: number }[]
}

const probe = (): BenchProbe | undefined => (globalThis as { __wbBench?: BenchProbe }).__wbBench

/** Counts one render of an object's node (and, when asked, the frame that draws its text). */
export function countRender(id: string, textLength = 0): void {
  const p = probe()
  if (!p) return
  p.renders[id] = (p.renders[id] ?? 0) + 1
  const drawn = p.drawn
  // the canvas draws what rendered now in the next frame: its start is when the text shows
  if (drawn)
    requestAnimationFrame((t) => drawn.push({ id, length: textLength, at: performance.timeOrigin + t }))
}

/** Marks the moment a canvas with objects has first been drawn. */
export function markFirstDraw(objectCount: number): void {
  if (objectCount > 0 && performance.getEntriesByName('board-first-draw').length === 0) {
    requestAnimationFrame(() => performance.mark('board-first-draw', { detail: { objectCount } }))
  }
}
