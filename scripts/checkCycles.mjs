// Fails when the project's own modules import each other in a cycle. Only relative imports are
// followed (packages cannot form cycles with our code). Prints every cycle found.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOTS = ['client', 'server', 'shared']
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/g

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec)
  if (/\.tsx?$/.test(base) && existsSync(base)) return base
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext
  return null
}

const graph = new Map()
for (const file of ROOTS.flatMap((r) => files(resolve(r)))) {
  const source = readFileSync(file, 'utf8')
  const deps = new Set()
  for (const m of source.matchAll(IMPORT)) {
    const target = resolveImport(file, m[1])
    if (target) deps.add(target)
  }
  graph.set(file, deps)
}

// Tarjan's strongly connected components: any component with more than one module is a cycle.
let index = 0
const stack = []
const meta = new Map()
const cycles = []
function visit(v) {
  meta.set(v, { index, low: index, onStack: true })
  index++
  stack.push(v)
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue
    if (!meta.has(w)) {
      visit(w)
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low)
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index)
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = []
    let w
    do {
      w = stack.pop()
      meta.get(w).onStack = false
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || graph.get(v)?.has(v)) cycles.push(component)
  }
}
for (const v of graph.keys()) if (!meta.has(v)) visit(v)

if (cycles.length > 0) {
  for (const c of cycles)
    console.error(`import cycle: ${c.map((f) => relative(process.cwd(), f)).join(' <-> ')}`)
  process.exit(1)
}
console.log(`no import cycles among ${graph.size} modules`)
