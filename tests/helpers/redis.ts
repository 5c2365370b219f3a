import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A redis-server of a test's own: loopback, its own port and folder, AOF with fsync on every write. */
export interface TestRedis {
  readonly url: string
  readonly port: number
  readonly process: () => ChildProcess
  /** Stops it (SIGKILL, or SIGTERM for a clean shutdown) and starts it again on the same port and data. */
  restart(signal?: NodeJS.Signals): Promise<void>
  /** Runs a redis-cli command against it and returns its output. */
  cli(...args: string[]): string
  stop(): Promise<void>
}

/** Fails loudly when redis-server is missing: `.ci/run` installs it. */
export function redisAvailable(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startRedis(): Promise<TestRedis> {
  if (!redisAvailable()) throw new Error('redis-server is not installed (bash .ci/run installs it)')
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'wb-redis-'))
  let child: ChildProcess
  const launch = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 15_000)
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}:\n${out}`))
      })
    })
  }
  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: () => child,
    restart: async (signal = 'SIGKILL') => {
      await halt(signal)
      await launch()
    },
    cli: (...args) =>
      spawnSync('redis-cli', ['-p', String(port), ...args])
        .stdout.toString()
        .trim(),
    stop: async () => {
      await halt('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
