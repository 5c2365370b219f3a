/**
 * `npm run templates -- list | publish <id> | unpublish <id>`: the operator's view of the templates
 * facilitators saved, and publishing one for everyone (or withdrawing it). Works on the same store
 * as the server: files under DATA_DIR (default ./data), or Redis when REDIS_URL is set. A running
 * server sees the change at once (it reads the store on every request).
 */
import { resolve } from 'node:path'
import { openCluster } from '../cluster/cluster'
import { createLogger } from '../logger'
import { SAVED_ID_PATTERN, createFileTemplateStore, type TemplateStore } from '../templates/templateStore'

const USAGE = 'usage: npm run templates -- list | publish <template id> | unpublish <template id>'

class CliError extends Error {}

async function main(): Promise<void> {
  const [command, id, extra] = process.argv.slice(2)
  if (extra !== undefined) throw new CliError(`unexpected argument ${extra}\n${USAGE}`)
  if (command !== 'list' && command !== 'publish' && command !== 'unpublish')
    throw new CliError(command ? `unknown command "${command}"\n${USAGE}` : USAGE)
  const { templates, where, close } = await openStore()
  try {
    if (command === 'list') {
      const saved = await templates.listSaved()
      if (saved.length === 0) console.log(`No saved templates in ${where}.`)
      for (const s of saved)
        console.log(
          `${s.template.id}\t${s.published ? 'published' : 'private'}\t${s.session ?? '-'}\t${s.template.title}`,
        )
      return
    }
    if (!id) throw new CliError(`a template id is needed\n${USAGE}`)
    if (!SAVED_ID_PATTERN.test(id) || !(await templates.setPublished(id, command === 'publish')))
      throw new CliError(`no saved template "${id}" in ${where} (see: npm run templates -- list)`)
    console.log(
      command === 'publish'
        ? `Published ${id}: it is offered to everyone on the home page.`
        : `Withdrew ${id}: only its session's facilitators are offered it.`,
    )
  } finally {
    await close()
  }
}

/** The same store the server uses: Redis if REDIS_URL is set, else files under DATA_DIR. */
async function openStore(): Promise<{ templates: TemplateStore; where: string; close: () => Promise<void> }> {
  const redisUrl = process.env.REDIS_URL
  if (redisUrl) {
    const cluster = await openCluster(redisUrl, createLogger('silent')).catch((err: unknown) => {
      throw new CliError((err as Error).message)
    })
    return { templates: cluster.templates, where: 'Redis', close: () => cluster.close() }
  }
  const dataDir = resolve(process.env.DATA_DIR || './data')
  return { templates: createFileTemplateStore(dataDir), where: dataDir, close: async () => {} }
}

main().catch((err: unknown) => {
  console.error(err instanceof CliError ? `templates: ${err.message}` : err)
  process.exit(1)
})
