import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time of any file under the given folders. */
function newestMtime(dirs: readonly string[]): number {
  let newest = 0
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const d of dirs) walk(d)
  return newest
}

/** Builds the client with Vite when dist/ is missing or older than its sources. */
export async function buildClientIfNeeded(
  root: string,
  outDir: string,
  say: (msg: string) => void,
): Promise<void> {
  const index = join(outDir, 'index.html')
  const sources = [join(root, 'client'), join(root, 'shared')]
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return
  say('Building the client (first start or changed sources)…')
  const { build } = await import('vite')
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}
