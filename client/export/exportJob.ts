import type { ExportStatus } from '../panels/ExportProgress'
import { i18n } from '../i18n'

/** Progress shows only for exports that take longer than this, so quick ones do not flash. */
export const SHOW_PROGRESS_AFTER_MS = 400
/** How long "Saved …" stays on screen. */
export const DONE_MESSAGE_MS = 8_000

/**
 * Lets the page breathe between pages and pictures: drawing and PDF writing are long stretches of
 * work on the page's only thread, and without a pause the progress never paints and Cancel is
 * never clicked. Then stops if the export was cancelled meanwhile.
 */
export async function breathe(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  signal.throwIfAborted()
}

/** A problem to tell the person as it is ("There is nothing on this canvas to export."). */
export class ExportProblem extends Error {}

export interface JobContext {
  readonly signal: AbortSignal
  /** Reports progress: `done` of `total` steps (pages, pictures). */
  readonly progress: (done: number, total: number) => void
}

/**
 * One export at a time, with its progress as a plain snapshot for React (useSyncExternalStore) and
 * a Cancel that aborts it: the work checks the signal between pages and pictures.
 */
export class ExportJobs {
  private state: ExportStatus = { status: 'idle' }
  private readonly listeners = new Set<() => void>()
  private controller: AbortController | null = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly timing = { showAfter: SHOW_PROGRESS_AFTER_MS, doneFor: DONE_MESSAGE_MS }) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ExportStatus => this.state

  get running(): boolean {
    return this.controller !== null
  }

  /** Runs an export unless one is running; `work` returns the message to show when it is done. */
  async run(label: string, work: (ctx: JobContext) => Promise<string>): Promise<void> {
    if (this.controller) return
    const controller = new AbortController()
    this.controller = controller
    clearTimeout(this.timer)
    this.set({ status: 'running', label, done: 0, total: 0, shown: false })
    this.timer = setTimeout(() => this.update({ shown: true }), this.timing.showAfter)
    const progress = (done: number, total: number) => {
      if (this.controller === controller) this.update({ done, total })
    }
    let next: ExportStatus
    try {
      const message = await work({ signal: controller.signal, progress })
      next = controller.signal.aborted ? cancelled(label) : { status: 'done', message }
    } catch (err) {
      next = controller.signal.aborted ? cancelled(label) : { status: 'failed', message: failure(label, err) }
    }
    this.controller = null
    clearTimeout(this.timer)
    this.set(next)
    if (next.status !== 'failed') this.timer = setTimeout(() => this.dismiss(), this.timing.doneFor)
  }

  /** Stops the running export at its next check. */
  cancel = (): void => {
    this.controller?.abort()
  }

  /** Clears a finished export's message. */
  dismiss = (): void => {
    if (this.controller) return
    clearTimeout(this.timer)
    this.set({ status: 'idle' })
  }

  private update(change: { done?: number; total?: number; shown?: boolean }): void {
    if (this.state.status === 'running') this.set({ ...this.state, ...change })
  }

  private set(state: ExportStatus): void {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}

const cancelled = (label: string): ExportStatus => ({
  status: 'cancelled',
  message: i18n.t('export:cancelled', { label }),
})

function failure(label: string, err: unknown): string {
  if (err instanceof ExportProblem) return err.message
  const why = err instanceof Error ? err.message : String(err)
  return i18n.t('export:failed', { label, why })
}
