import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startChildServer } from '../helpers/childServer'

const ROOT = join(import.meta.dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'wb-start-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Runs the real entry point with the given environment and returns how it ended. */
function run(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('start-up configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty": must be a whole number/],
    [{ PORT: '99999' }, /PORT="99999"/],
    [{ HOST: 'not a host!' }, /HOST=/],
    [{ LOG_LEVEL: 'shouty' }, /LOG_LEVEL="shouty"/],
    [{ REDIS_URL: 'ftp://nope' }, /REDIS_URL=/],
    [{ LIMIT_SESSIONS: 'lots' }, /LIMIT_SESSIONS="lots": must be <count>\/<period>/],
    [{ MAX_SOCKETS_PER_ADDRESS: '0' }, /MAX_SOCKETS_PER_ADDRESS="0"/],
    [{ REDIS_URL: 'redis://127.0.0.1:1' }, /REDIS_URL: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/],
  ])('refuses %o with a clear message and exit code 1', (env, message) => {
    const { code, out } = run(env)
    expect(code).toBe(1)
    expect(out).toMatch(message)
    expect(out).not.toMatch(/ready at/)
  })

  it('refuses to half-start when the port is taken', async () => {
    const first = await startChildServer(dataDir)
    const port = new URL(first.http).port
    const { code, out } = run({ PORT: port })
    await first.kill('SIGTERM')
    expect(code).toBe(1)
    expect(out).toMatch(/Could not listen/)
  })
})
