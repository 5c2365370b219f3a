import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * The worker's code, plain CommonJS so it runs the same under tsx, vitest and a build. Its own
 * connection copies the WAL into the database file; PASSIVE never waits for (or blocks) the
 * writer on the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // the main connection's own auto-checkpoint is the fallback
  }
}, workerData.intervalMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  stop(): void
}

/**
 * Checkpoints a WAL database every `intervalMs` on a worker thread. A checkpoint syncs the WAL and
 * the database file to disk, which can take milliseconds; on the event loop that would hold up
 * every update relayed meanwhile. Durability is unchanged: a commit is in the WAL either way.
 */
export function startCheckpointer(file: string, intervalMs: number): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } })
  worker.unref()
  worker.on('error', () => {}) // e.g. no worker threads here: auto-checkpoints still run
  return { stop: () => worker.postMessage('stop') }
}
