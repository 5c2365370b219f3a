import { upgradeDoc } from '../../shared/schema/migrations'
import type { Logger } from '../logger'
import type { DocStorage } from '../storage/types'
import type { Room } from './room'

/** The origin of the server's own schema upgrade of a room it loads (shared/schema/migrations.ts). */
export const SCHEMA_UPGRADE = Symbol('schema-upgrade')

/**
 * Takes a freshly loaded room's document up to this build's schema before anyone sees it: one
 * transaction with the server's own origin, stored before the room opens (what a client is sent is
 * durable). Throws NewerSchemaError, changing nothing, for a document newer than this build.
 */
export async function upgradeRoom(room: Room, storage: DocStorage, log: Logger): Promise<void> {
  let update: Uint8Array | null = null
  const keep = (u: Uint8Array): void => void (update = u)
  room.doc.on('update', keep)
  let report
  try {
    report = upgradeDoc(room.doc, room.info.kind, SCHEMA_UPGRADE)
  } finally {
    room.doc.off('update', keep)
  }
  if (!update) return
  const stored: Uint8Array = update
  await storage.append([{ room: room.name, update: stored }])
  room.storedRows++
  room.bytes += stored.byteLength
  log.info({ room: room.name, ...report }, 'room upgraded to this schema version')
}
