/** Small statistics helpers for the relay benchmark. */

/** The p-th percentile (nearest rank) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const median = (values: readonly number[]): number => percentile(values, 50)

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Runs `task` for every item with at most `limit` at once. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
