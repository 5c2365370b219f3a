import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { bigExport } from '../helpers/bigExport'
import { startChildServer } from '../helpers/childServer'
import { importFrom } from '../helpers/importFrom'

describe('a large import', () => {
  it('leaves the server answering /healthz while it is parsed, checked and stored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wb-import-load-'))
    // the real entry point, so the worker starts the way it does in production
    const server = await startChildServer(dataDir)
    onTestFinished(async () => {
      await server.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    })
    // about 32 MB: 5 photos of ~4.3 MB (base64 in the JSON) and 8,000 notes of 1,000 characters
    const file = join(dataDir, 'big-export.json')
    writeFileSync(file, await bigExport({ notes: 8000, noteChars: 1000, images: 5, imageSide: 1200 }))

    const latencies: number[] = []
    let importing = true
    const poll = (async () => {
      while (importing) {
        const t = performance.now()
        const res = await fetch(`${server.http}/healthz`)
        expect(res.status).toBe(200)
        await res.body?.cancel()
        latencies.push(performance.now() - t)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    const result = await importFrom(file, server.http)
    importing = false
    await poll
    expect(result.status).toBe(201)
    const worst = Math.max(...latencies)
    console.log(
      `import: ${Math.round(result.ms)} ms; /healthz answered ${latencies.length} times meanwhile, worst ${Math.round(worst)} ms`,
    )
    expect(latencies.length).toBeGreaterThan(5)
    // loose on purpose (a shared CI machine): the point is no multi-second stall
    expect(worst).toBeLessThan(1000)
  })
})
