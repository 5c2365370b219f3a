import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FILE = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md')
const HEADER =
  '# Benchmarks\n\nFigures written by the benchmark commands; each section says the command, the machine and the date.\n'

/** Replaces (or adds) one `## <name>` section of docs/benchmarks.md, keeping the others. */
export function writeSection(name: string, command: string, machine: string, body: string): void {
  mkdirSync(join(FILE, '..'), { recursive: true })
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER
  const section = `## ${name}\n\nCommand: \`${command}\` · Date: ${new Date().toISOString().slice(0, 10)} · Machine: ${machine}\n\n${body.trim()}\n`
  const pattern = new RegExp(`## ${name}\\n[\\s\\S]*?(?=\\n## |$)`)
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}`
  writeFileSync(FILE, next)
}
