// Prints one plain line "tests: N passed, N failed" summing Vitest's and Playwright's JSON reports.
// A test file that failed before its tests ran (e.g. in beforeAll, or on import) counts as a failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0

function vitest(file) {
  if (!existsSync(file)) return false
  const r = JSON.parse(readFileSync(file, 'utf8'))
  passed += r.numPassedTests ?? 0
  failed += r.numFailedTests ?? 0
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  for (const suite of r.testResults ?? []) {
    const ran = (suite.assertionResults ?? []).length
    if (
      suite.status === 'failed' &&
      (ran === 0 || (suite.assertionResults ?? []).every((a) => a.status !== 'failed'))
    )
      failed += 1
  }
  return true
}

function playwright(file) {
  if (!existsSync(file)) return false
  const r = JSON.parse(readFileSync(file, 'utf8'))
  const s = r.stats ?? {}
  passed += (s.expected ?? 0) + (s.flaky ?? 0)
  failed += s.unexpected ?? 0
  skipped += s.skipped ?? 0
  failed += (r.errors ?? []).length
  return true
}

const expected = process.argv.slice(2).filter((a) => !a.startsWith('--failed-stages='))
// stages without a test report of their own (typecheck, lint, format, build) count as one failure each
const stageFailures = Number(process.argv.find((a) => a.startsWith('--failed-stages='))?.split('=')[1] ?? 0)
failed += stageFailures
for (const name of expected) {
  const [kind, file] = name.split('=')
  const found = kind === 'vitest' ? vitest(file) : playwright(file)
  if (!found) failed += 1 // a stage that produced no report did not run its tests
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
