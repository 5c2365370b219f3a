import { spawn } from 'node:child_process'

/** Posts a file as an import from another process (so this one only times /healthz); its status and time. */
export function importFrom(file: string, http: string): Promise<{ status: number; ms: number }> {
  const script = `const b = require('node:fs').readFileSync(${JSON.stringify(file)})
const t = performance.now()
fetch(${JSON.stringify(`${http}/api/sessions/import`)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b })
  .then(async (r) => { await r.text(); console.log(JSON.stringify({ status: r.status, ms: performance.now() - t })) })`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((resolve, reject) =>
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out) as { status: number; ms: number })
      } catch {
        reject(new Error(`the import did not finish: ${out}`))
      }
    }),
  )
}
