import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { GENEROUS_GUARD_ENV } from './generousEnv'

export interface ChildServer {
  readonly process: ChildProcess
  readonly http: string
  readonly ws: string
  /** Everything the child printed so far. */
  output(): string
  kill(signal: NodeJS.Signals): Promise<number | null>
}

const ROOT = join(import.meta.dirname, '..', '..')

/** Starts `server/start.ts` as a child process on port 0 and waits for its ready line. */
export function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts', '--no-build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      ...GENEROUS_GUARD_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000)
    const onData = (): void => {
      const m = /ready at (http:\/\/[^\s/]+)\//.exec(out)
      if (!m?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      const http = m[1]
      resolve({
        process: child,
        http,
        ws: `${http.replace('http', 'ws')}/ws`,
        output: () => out,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          return exited
        },
      })
    }
    child.stdout.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
}
