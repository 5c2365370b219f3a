import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { buildClientIfNeeded } from './build'
import { ConfigError, readConfig, type Config } from './config'
import { createLogger, type Logger } from './logger'
import { openSqliteStorage } from './storage/sqlite'
import { StorageFormatError } from './storage/formatError'
import { createFileImageStore } from './uploads/imageStore'
import { DEFAULT_UPLOAD_LIMITS } from './uploads/uploadLimits'
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
  const backend = await openBackend(config, log)
  const app = createApp({
    ...backend,
    log,
    clientDir,
    limits: { caps: config.caps },
    guard: config.guard,
    uploadLimits: {
      ...DEFAULT_UPLOAD_LIMITS,
      perIp: { ...DEFAULT_UPLOAD_LIMITS.perIp, uploads: config.uploadsPerMinute },
    },
    adminToken: config.adminToken,
  })
  let url: string
  try {
    ;({ url } = await app.listen(config.port, config.host))
  } catch (err) {
    await backend.close()
    console.error(`Could not listen on ${config.host}:${config.port}: ${(err as Error).message}`)
    process.exit(1)
  }
  log.info({ url, dataDir: config.dataDir, redis: config.redisUrl !== undefined }, 'server started')
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
      .then(() => backend.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/** SQLite, images and templates under DATA_DIR; or, with REDIS_URL, everything in Redis (several instances). */
async function openBackend(config: Config, log: Logger) {
  if (config.redisUrl === undefined) {
    let storage
    try {
      storage = openSqliteStorage(config.dataDir)
    } catch (err) {
      // a database newer than this server, or a format step that failed (nothing was changed)
      if (!(err instanceof StorageFormatError)) throw err
      console.error(err.message)
      process.exit(1)
    }
    return {
      storage,
      images: createFileImageStore(config.dataDir),
      templates: createFileTemplateStore(config.dataDir),
      close: async () => storage.close(),
    }
  }
  try {
    // loaded only with REDIS_URL: ioredis is some 20 MB of a server's memory that a lone instance never uses
    const { openCluster } = await import('./cluster/cluster')
    const cluster = await openCluster(config.redisUrl, log)
    log.info({ instance: cluster.instance }, 'sharing rooms through Redis')
    return { ...cluster, close: () => cluster.close() }
  } catch (err) {
    if (err instanceof StorageFormatError) console.error(err.message)
    else console.error(`REDIS_URL: ${(err as Error).message}`)
    process.exit(1)
  }
}

void main()
