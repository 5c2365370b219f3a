/**
 * What checking every update against the board's rules costs the relay: ours now against ours from
 * the last commit before the relay checked updates, run from a checkout of that commit.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { targetTable, type LoadSummary, type TargetRow } from './report'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/** The last commit whose relay applied updates without checking them (issue #14 came after it). */
export const RULES_BEFORE = '4812461'

/** A checkout of `ref` under .tmp (made once: `git archive`, node_modules linked); returns its folder. */
export function checkoutBefore(ref: string): string {
  const dir = join(ROOT, '.tmp', `before-${ref}`)
  if (existsSync(join(dir, 'package.json'))) return dir
  mkdirSync(dir, { recursive: true })
  execSync(`git archive ${ref} | tar -x -C "${dir}"`, { cwd: ROOT, stdio: 'inherit' })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return dir
}

/** The section's text: how it was measured, each scenario's table, and the target per scenario. */
export function rulesSection(
  tables: readonly { name: string; summaries: LoadSummary[]; markdown: string }[],
  rounds: number,
  ref: string,
  seconds: number,
): string {
  const rows: TargetRow[] = tables.map(({ name, summaries }) => {
    const now = summaries.find((s) => s.kind === 'ours')
    const before = summaries.find((s) => s.kind === 'ours-before')
    const ratio = (now?.roundCpuPer1k ?? NaN) / (before?.roundCpuPer1k ?? NaN)
    const pooled = (now?.cpuPer1k ?? NaN) / (before?.cpuPer1k ?? NaN)
    return {
      target: `${name}: server CPU per 1,000 deliveries with every update checked ≤ 1.10 × without (median of the rounds)`,
      measured: `${now?.roundCpuPer1k.toFixed(2)} vs ${before?.roundCpuPer1k.toFixed(2)} ms = ${ratio.toFixed(2)} × (all rounds pooled: ${pooled.toFixed(2)} ×; p99 ${now?.roundP99.toFixed(1)} vs ${before?.roundP99.toFixed(1)} ms)`,
      met: ratio <= 1.1,
    }
  })
  const intro = `Ours now (every update resolved to the objects and fields it changes and checked against the board's rules before it is applied) against ours at commit ${ref} (the same relay without the checks), each in its own process with SQLite on, in ${rounds} alternating rounds per scenario; the load is the relay benchmark's (each sender edits its own recipe card once a second, observers time every update). The scenarios are the ones the cost is judged on: 200 clients in one room, and 100 rooms of 5.`
  return [
    intro,
    ...tables.map((t) => `### ${t.name}\n\n${t.markdown}`),
    `### Target\n\n${targetTable(rows)}`,
    `Whole run: ${seconds} s.`,
  ].join('\n\n')
}
