/**
 * The servers under test built ahead of time into plain JavaScript (esbuild, one file each, the
 * packages left as imports), so each runs under plain `node` as a deployment would, without a
 * TypeScript loader compiling at start: tsx's loader thread and its source maps would count in
 * every server's memory and CPU.
 */
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..', '..', '..')
export const BUILT = join(ROOT, '.tmp', 'relay-build')

/** Entry points by the name of their built file. */
const ENTRIES = {
  start: 'server/start.ts',
  oursMemory: 'tests/bench/relay/oursMemory.ts',
  peerYWebsocket: 'tests/bench/relay/peerYWebsocket.ts',
  peerHocuspocus: 'tests/bench/relay/peerHocuspocus.ts',
  gcOnSignal: 'tests/bench/relay/gcOnSignal.ts',
}

/** Builds every server into .tmp/relay-build (a second or two); returns the folder. */
export async function prebuildServers(): Promise<string> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    outdir: BUILT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
  return BUILT
}
