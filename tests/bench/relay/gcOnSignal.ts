/**
 * Preloaded (`--import`) into every benchmarked server, run with `--expose-gc`: on SIGUSR2 it runs
 * a full garbage collection and prints the heap still in use, so memory read after room churn shows
 * what is still referenced, not garbage not yet collected. Changes nothing else in the server.
 */
const collect = (globalThis as { gc?: () => void }).gc
process.on('SIGUSR2', () => {
  collect?.()
  process.stdout.write(`bench-heap-used ${process.memoryUsage().heapUsed}\n`)
})

export {}
