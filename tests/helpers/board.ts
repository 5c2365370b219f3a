import * as Y from 'yjs'
import { expect } from 'vitest'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { Storage } from '../../server/storage/types'

/** The sorted texts of every sticky note on a board document (template frames are not notes). */
export const noteTexts = (doc: Y.Doc): string[] =>
  [...objectsOf(doc).entries()]
    .map(([id, map]) => readObject(id, map))
    .flatMap((r) => (r.ok && r.object.kind === 'sticky' ? [r.object.text] : []))
    .sort()

/**
 * Loads a room's stored rows and checks each is a whole Yjs update that applies to a fresh
 * document on its own, and that together they leave nothing pending; returns the rebuilt document.
 */
export async function loadStoredDoc(storage: Storage, room: string): Promise<{ doc: Y.Doc; rows: number }> {
  const rows = await storage.load(room)
  const doc = new Y.Doc()
  for (const row of rows) {
    expect(() => Y.decodeUpdate(row)).not.toThrow()
    const alone = new Y.Doc()
    expect(() => Y.applyUpdate(alone, row)).not.toThrow()
    alone.destroy()
    Y.applyUpdate(doc, row)
  }
  // a row whose dependencies are missing would leave structs or deletions waiting
  expect(doc.store.pendingStructs).toBeNull()
  expect(doc.store.pendingDs).toBeNull()
  return { doc, rows: rows.length }
}
