/**
 * Hooks for `npm run bench:canvas`: counts how often each object node renders and marks the first
 * draw of a board. They cost one property check when no benchmark is running (the page defines
 * `window.__wbBench` only when the benchmark injects it).
 */
interface BenchProbe {
  renders: Record<string, number>
}

const probe = (): BenchProbe | undefined => (globalThis as { __wbBench?: BenchProbe }).__wbBench

/** Counts one render of an object's node. */
export function countRender(id: string): void {
  const p = probe()
  if (p) p.renders[id] = (p.renders[id] ?? 0) + 1
}

/** Marks the moment a canvas with objects has first been drawn. */
export function markFirstDraw(objectCount: number): void {
  if (objectCount > 0 && performance.getEntriesByName('board-first-draw').length === 0) {
    requestAnimationFrame(() => performance.mark('board-first-draw', { detail: { objectCount } }))
  }
}
