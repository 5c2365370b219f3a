import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FILE = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md')
const HEADER =
  '# Benchmarks\n\nFigures written by the benchmark commands; each section says the command, the machine and the date.\n'

/** Replaces (or adds) one `## <name>` section of docs/benchmarks.md (or another doc), keeping the others. */
export function writeSection(
  name: string,
  command: string,
  machine: string,
  body: string,
  doc: { file: string; header: string } = { file: FILE, header: HEADER },
): void {
  const { file } = doc
  mkdirSync(join(file, '..'), { recursive: true })
  const current = existsSync(file) ? readFileSync(file, 'utf8') : doc.header
  const section = `## ${name}\n\nCommand: \`${command}\` · Date: ${new Date().toISOString().slice(0, 10)} · Machine: ${machine}\n\n${body.trim()}\n`
  const pattern = new RegExp(`## ${name}\\n[\\s\\S]*?(?=\\n## |$)`)
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}`
  writeFileSync(file, next)
}
