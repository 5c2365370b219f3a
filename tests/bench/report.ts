import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'

const FILE = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md')
const HEADER =
  '# Benchmarks\n\nFigures written by the benchmark commands; each section says the command, the machine and the date.\n'

/**
 * Replaces (or adds) one `## <name>` section of docs/benchmarks.md (or another doc), keeping the
 * others, and formats the file as `npm run check` wants it (its tables aligned by Prettier).
 */
export async function writeSection(
  name: string,
  command: string,
  machine: string,
  body: string,
  doc: { file: string; header: string } = { file: FILE, header: HEADER },
): Promise<void> {
  const { file } = doc
  mkdirSync(join(file, '..'), { recursive: true })
  const current = existsSync(file) ? readFileSync(file, 'utf8') : doc.header
  const section = `## ${name}\n\nCommand: \`${command}\` · Date: ${new Date().toISOString().slice(0, 10)} · Machine: ${machine}\n\n${body.trim()}\n`
  const pattern = new RegExp(`## ${name}\\n[\\s\\S]*?(?=\\n## |$)`)
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}`
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }))
}
