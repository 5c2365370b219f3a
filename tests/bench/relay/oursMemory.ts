/**
 * Our relay with in-memory storage instead of SQLite, to show what durability costs in the
 * benchmark. The same `createApp` as `server/start.ts`; only the storage differs.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../../server/app'
import { createLogger } from '../../../server/logger'
import { createMemoryStorage } from '../../../server/storage/memory'
import { createFileImageStore } from '../../../server/uploads/imageStore'
import { GENEROUS_GUARD } from '../../helpers/server'

const dir = mkdtempSync(join(tmpdir(), 'wb-bench-mem-'))
const app = createApp({
  guard: GENEROUS_GUARD,
  storage: createMemoryStorage(),
  images: createFileImageStore(dir),
  log: createLogger('warn'),
  clientDir: join(dir, 'no-client'),
})
void app
  .listen(0, '127.0.0.1')
  .then(({ url }) => console.log(`Workshop whiteboard (memory storage) ready at ${url}`))
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
