import { Worker } from 'node:worker_threads'
import { ImportError } from '../../shared/export/json'
import type { InitialDocs } from './service'

/** An export parsed and checked in a worker: the new session's documents and its images, decoded. */
export interface ParsedImport {
  readonly template: string
  readonly title: string
  readonly docs: InitialDocs
  readonly images: readonly { readonly src: string; readonly mime: string; readonly bytes: Uint8Array }[]
}

export type ImportJobReply =
  | { readonly ok: true; readonly parsed: ParsedImport }
  | { readonly ok: false; readonly status: number; readonly message: string }

/** Imports parsed at once; each holds its export in memory twice (bytes and objects). */
const RUNNING_MAX = 2
/** Imports that may wait for a worker (their bodies are read while they wait). */
const WAITING_MAX = 4

/** Memory one import's worker may take: a 64 MiB export parses into a few hundred MiB of objects. */
const WORKER_HEAP_MB = 768

/**
 * Parses exports in worker threads, a few at once. `reserve` is asked before a body is read so
 * that a crowd of large imports is turned away before their bytes are in memory.
 */
export class ImportJobs {
  private running = 0
  private readonly queue: (() => void)[] = []
  private reserved = 0

  /** Holds a place for one import; false when too many are running or waiting. */
  reserve(): boolean {
    if (this.reserved >= RUNNING_MAX + WAITING_MAX) return false
    this.reserved++
    return true
  }

  /** Gives back a place held by `reserve` (whether or not the import ran). */
  release(): void {
    this.reserved = Math.max(0, this.reserved - 1)
  }

  /** Parses an export's bytes in a worker thread; throws an ImportError for a bad export. */
  async parse(bytes: Buffer): Promise<ParsedImport> {
    if (this.running >= RUNNING_MAX) await new Promise<void>((resolve) => this.queue.push(resolve))
    this.running++
    try {
      return await runWorker(bytes)
    } finally {
      this.running--
      this.queue.shift()?.()
    }
  }
}

const WORKER_BOOT = `
const { workerData } = require('node:worker_threads')
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry) })
`

function runWorker(bytes: Buffer): Promise<ParsedImport> {
  return new Promise((resolve, reject) => {
    // the server's TypeScript runs through tsx; the worker registers it before loading its module
    const worker = new Worker(WORKER_BOOT, {
      eval: true,
      workerData: { entry: new URL('./importWorker.ts', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    })
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.once('message', (reply: ImportJobReply) =>
      settle(() =>
        reply.ok
          ? resolve(reply.parsed)
          : reply.status === 500
            ? reject(new Error(`import worker: ${reply.message}`))
            : reject(new ImportError(reply.status as 400 | 422, reply.message)),
      ),
    )
    worker.once('error', (err) =>
      settle(() =>
        reject(
          /heap|memory/i.test(err.message)
            ? new ImportError(413, 'the export is too large to read')
            : new Error(`import worker: ${err.message}`),
        ),
      ),
    )
    worker.once('exit', (code) => settle(() => reject(new Error(`import worker exited with ${code}`))))
    // handed over without a copy when the body has its own memory (large ones do), else copied
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    const body = own ? bytes : new Uint8Array(bytes)
    worker.postMessage(body, [body.buffer as ArrayBuffer])
  })
}
