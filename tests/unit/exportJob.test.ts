import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ExportJobs, ExportProblem } from '../../client/export/exportJob'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

/** A job that waits for the test to let it go, checking the signal like the real exports do. */
function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('an export job', () => {
  it('shows progress only after a moment, then what it saved, then nothing', async () => {
    const jobs = new ExportJobs({ showAfter: 400, doneFor: 8000 })
    const g = gate()
    const done = jobs.run('PDF', async ({ progress }) => {
      progress(1, 4)
      await g.opened
      return 'Saved report.pdf.'
    })
    expect(jobs.getSnapshot()).toMatchObject({
      status: 'running',
      label: 'PDF',
      done: 1,
      total: 4,
      shown: false,
    })
    vi.advanceTimersByTime(400)
    expect(jobs.getSnapshot()).toMatchObject({ status: 'running', shown: true })
    g.open()
    await done
    expect(jobs.getSnapshot()).toEqual({ status: 'done', message: 'Saved report.pdf.' })
    vi.advanceTimersByTime(8000)
    expect(jobs.getSnapshot()).toEqual({ status: 'idle' })
  })

  it('is cancelled through its signal', async () => {
    const jobs = new ExportJobs()
    const g = gate()
    const done = jobs.run('PNG', async ({ signal }) => {
      await g.opened
      signal.throwIfAborted()
      return 'never'
    })
    jobs.cancel()
    g.open()
    await done
    expect(jobs.getSnapshot()).toEqual({ status: 'cancelled', message: 'PNG export cancelled.' })
    expect(jobs.running).toBe(false)
  })

  it('runs one at a time', async () => {
    const jobs = new ExportJobs()
    const g = gate()
    const first = jobs.run('PDF', async () => {
      await g.opened
      return 'first'
    })
    const second = vi.fn(async () => 'second')
    await jobs.run('PNG', second)
    expect(second).not.toHaveBeenCalled()
    g.open()
    await first
    expect(jobs.getSnapshot()).toMatchObject({ message: 'first' })
  })

  it('says why it failed, and keeps saying it until dismissed', async () => {
    const jobs = new ExportJobs()
    await jobs.run('Cook book', async () => {
      throw new ExportProblem('There are no recipe cards.')
    })
    expect(jobs.getSnapshot()).toEqual({ status: 'failed', message: 'There are no recipe cards.' })
    await jobs.run('CSV', async () => {
      throw new Error('the server answered 500')
    })
    expect(jobs.getSnapshot()).toEqual({
      status: 'failed',
      message: 'The CSV export failed: the server answered 500',
    })
    vi.advanceTimersByTime(60_000)
    expect(jobs.getSnapshot().status).toBe('failed')
    jobs.dismiss()
    expect(jobs.getSnapshot()).toEqual({ status: 'idle' })
  })
})
