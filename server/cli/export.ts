/**
 * `npm run export -- <session id> --format md|csv|json|docx|report-pdf|report-md [--out FILE]
 * [--include-removed] [--lang en|zh-CN]`: exports a session straight from the database under DATA_DIR
 * (default ./data), or from Redis when REDIS_URL is set (several instances), for organisers with
 * access to the server. docx, report-pdf and report-md are the insight report, its own words in
 * the session's main language unless --lang. People removed from the session are "Removed person"
 * unless --include-removed.
 */
import { writeFileSync } from 'node:fs'
import { isUiLang, type UiLang } from '../../shared/lang'
import { resolve } from 'node:path'
import { docFromUpdates, readSnapshot } from '../../shared/export/snapshot'
import { NewerSchemaError, upgradeDoc } from '../../shared/schema/migrations'
import { SESSION_ID_PATTERN, boardRoom, controlRoom, facilitatorRoom } from '../../shared/rooms'
import { describeSkipped } from '../../shared/schema/skipped'
import { EXPORT_FORMATS, imagesOf, renderExport, type ExportFormat } from '../sessions/exports'
import { openCluster } from '../cluster/cluster'
import { createLogger } from '../logger'
import { REPORT_FORMATS, renderInsight, type ReportFormat } from '../report/insightExport'
import { openSqliteStorage } from '../storage/sqlite'
import { StorageFormatError } from '../storage/formatError'
import type { Storage } from '../storage/types'
import { createFileImageStore, type ImageStore } from '../uploads/imageStore'

const USAGE =
  'usage: npm run export -- <session id> --format md|csv|json|docx|report-pdf|report-md [--out FILE] [--include-removed] [--lang en|zh-CN]'
const FORMATS: readonly string[] = [...EXPORT_FORMATS, ...REPORT_FORMATS]
/** Binary formats are written to a file, never to a terminal. */
const BINARY: readonly string[] = ['docx', 'report-pdf']

class CliError extends Error {}

interface Args {
  readonly id: string
  readonly format: ExportFormat | ReportFormat
  readonly out: string | null
  readonly includeRemoved: boolean
  readonly lang: UiLang | undefined
}

function parseArgs(argv: readonly string[]): Args {
  let includeRemoved = false
  let id: string | null = null
  let format: string | null = null
  let out: string | null = null
  let lang: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--format') format = argv[++i] ?? ''
    else if (arg.startsWith('--format=')) format = arg.slice(9)
    else if (arg === '--out') out = argv[++i] ?? ''
    else if (arg.startsWith('--out=')) out = arg.slice(6)
    else if (arg === '--include-removed') includeRemoved = true
    else if (arg === '--lang') lang = argv[++i] ?? ''
    else if (arg.startsWith('--lang=')) lang = arg.slice(7)
    // a session id may itself begin with '-' (base64url): one that looks like an id is the id
    else if (arg.startsWith('-') && !(id === null && SESSION_ID_PATTERN.test(arg)))
      throw new CliError(`unknown option ${arg}\n${USAGE}`)
    else if (id === null) id = arg
    else throw new CliError(`unexpected argument ${arg}\n${USAGE}`)
  }
  if (!id) throw new CliError(`a session id is required\n${USAGE}`)
  if (!format) throw new CliError(`--format is required\n${USAGE}`)
  if (!FORMATS.includes(format)) {
    throw new CliError(`unknown format "${format}": use ${FORMATS.join(', ')}`)
  }
  if (out === '') throw new CliError(`--out needs a file name\n${USAGE}`)
  if (lang !== undefined && !isUiLang(lang)) throw new CliError(`unknown language "${lang}": use en or zh-CN`)
  if (BINARY.includes(format) && !out && process.stdout.isTTY)
    throw new CliError(`${format} is a binary file: give --out FILE (or redirect the output)`)
  return { id, format: format as ExportFormat | ReportFormat, out, includeRemoved, lang }
}

const ROOM_OF = { board: boardRoom, control: controlRoom, facilitator: facilitatorRoom }

async function main(): Promise<void> {
  const { id, format, out, includeRemoved, lang } = parseArgs(process.argv.slice(2))
  const { storage, images, where, close } = await openStore()
  try {
    const session = SESSION_ID_PATTERN.test(id) ? await storage.getSession(id) : undefined
    if (!session) throw new CliError(`no session "${id}" in ${where}`)
    const [board, control, facilitator] = await Promise.all(
      (['board', 'control', 'facilitator'] as const).map(async (kind) => {
        const doc = docFromUpdates(await storage.load(ROOM_OF[kind](id)))
        // read as the relay would serve it: upgraded to this version (in memory; nothing is stored)
        try {
          upgradeDoc(doc, kind, null)
        } catch (err) {
          if (err instanceof NewerSchemaError) throw new CliError(err.message)
          throw err
        }
        return doc
      }),
    )
    const snapshot = readSnapshot(board!, control!, facilitator!, { includeRemoved })
    // what could not be read is left out; say so on stderr, so stdout stays the export alone
    const skipped = describeSkipped(snapshot.skipped)
    if (skipped) console.error(`export: ${skipped}`)
    const body = isReport(format)
      ? await renderInsight(format, snapshot, { images, sessionId: id, lang })
      : await renderExport(format, snapshot, () => imagesOf(images, id, snapshot))
    if (out) {
      writeFileSync(out, body)
      console.error(`Wrote ${format} export of "${session.title}" to ${out}`)
    } else process.stdout.write(body)
  } finally {
    await close()
  }
}

const isReport = (format: string): format is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(format)

/** The same store the server uses: Redis if REDIS_URL is set, else SQLite under DATA_DIR. */
async function openStore(): Promise<{
  storage: Storage
  images: ImageStore
  where: string
  close: () => Promise<void>
}> {
  const redisUrl = process.env.REDIS_URL
  if (redisUrl) {
    const cluster = await openCluster(redisUrl, createLogger('silent')).catch((err: unknown) => {
      throw new CliError((err as Error).message)
    })
    return { ...cluster, where: 'Redis', close: () => cluster.close() }
  }
  const dataDir = resolve(process.env.DATA_DIR || './data')
  let storage
  try {
    storage = openSqliteStorage(dataDir)
  } catch (err) {
    // a database of a newer format, or a format step that failed (nothing changed): said plainly
    if (err instanceof StorageFormatError) throw new CliError(err.message)
    throw err
  }
  return {
    storage,
    images: createFileImageStore(dataDir),
    where: dataDir,
    close: async () => storage.close(),
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof CliError ? `export: ${err.message}` : err)
  process.exit(1)
})
