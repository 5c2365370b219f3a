import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { buildClientIfNeeded } from './build'
import { ConfigError, readConfig } from './config'
import { createLogger } from './logger'
import { openSqliteStorage } from './storage/sqlite'
import { createFileImageStore } from './uploads/imageStore'
import { createFileTemplateStore } from './templates/templateStore'

/** Entry point of `npm start`: validated config, client build if needed, one port for everything. */
async function main(): Promise<void> {
  let config
  try {
    config = readConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(1)
    }
    throw err
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  // `--client-dir=PATH` serves an already-built client from elsewhere (parallel test runs);
  // `--no-build` is for tests that start the server as a child process and need no client
  const dirArg = process.argv.find((a) => a.startsWith('--client-dir='))
  const clientDir = dirArg ? resolve(dirArg.slice('--client-dir='.length)) : join(root, 'dist')
  if (!dirArg && !process.argv.includes('--no-build')) {
    await buildClientIfNeeded(root, clientDir, (msg) => console.log(msg))
  }
  const log = createLogger(config.logLevel)
  const storage = openSqliteStorage(config.dataDir)
  const app = createApp({
    storage,
    images: createFileImageStore(config.dataDir),
    templates: createFileTemplateStore(config.dataDir),
    log,
    clientDir,
  })
  let url: string
  try {
    ;({ url } = await app.listen(config.port, config.host))
  } catch (err) {
    storage.close()
    console.error(`Could not listen on ${config.host}:${config.port}: ${(err as Error).message}`)
    process.exit(1)
  }
  log.info({ url, dataDir: config.dataDir }, 'server started')
  console.log(`Workshop whiteboard ready at ${url}`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    app
      .close()
      .then(() => {
        storage.close()
        process.exit(0)
      })
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

void main()
