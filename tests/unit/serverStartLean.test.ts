import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
/** Heavy packages the server needs only for some requests: loaded then, never at start. */
const LOADED_ON_DEMAND = ['sharp', 'jspdf', 'docx', 'ioredis']

/**
 * The packages server/start.ts loads before it serves anything: its import graph without the
 * `import()`s, from esbuild's metafile (packages left as imports, so each shows as a path).
 */
async function packagesLoadedAtStart(): Promise<Set<string>> {
  const result = await build({
    entryPoints: [join(ROOT, 'server/start.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    packages: 'external',
    logLevel: 'silent',
    outdir: '/tmp/wb-lean',
  })
  const inputs = result.metafile.inputs
  const seen = new Set<string>()
  const packages = new Set<string>()
  const walk = (path: string): void => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of inputs[path]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue
      if (imported.external) packages.add(imported.path.split('/')[0]!)
      else walk(imported.path)
    }
  }
  walk(Object.keys(inputs).find((p) => p.endsWith('server/start.ts'))!)
  return packages
}

describe('the server starts lean (its memory with nobody in it is part of issue #17)', () => {
  it('loads sharp, jsPDF, docx and ioredis only when a request (or REDIS_URL) needs them', async () => {
    const loaded = await packagesLoadedAtStart()
    expect(loaded.has('ws')).toBe(true) // the walk does find what is loaded
    expect(LOADED_ON_DEMAND.filter((name) => loaded.has(name))).toEqual([])
  }, 30_000)
})
