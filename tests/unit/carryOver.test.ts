import * as Y from 'yjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { deleteObjects, addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import { SCHEMA_VERSION } from '../../shared/schema/migrations'
import { restoreAfterReload, saveForReload } from '../../client/sync/carryOver'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const ME = 'A'.repeat(43)
const me = createOrigin(ME, 'Ann')
const KEY = `wb:unsent:${ROOM}`

/** The tab's sessionStorage, as a browser keeps it across a reload. */
class MemoryStorage {
  private items = new Map<string, string>()
  getItem = (k: string): string | null => this.items.get(k) ?? null
  setItem = (k: string, v: string): void => void this.items.set(k, v)
  removeItem = (k: string): void => void this.items.delete(k)
}

beforeEach(() => {
  ;(globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage()
})

const textOfObject = (doc: Y.Doc, id: string): string | null => {
  const r = readObject(id, objectsOf(doc).get(id))
  return r.ok ? r.object.text : null
}

describe('unsent work carried across a reload', () => {
  it('keeps what the server has not got (new and deleted notes) and carries it into the room as it now is', () => {
    // the server's room, and the old tab that synced it, then wrote while the server was away
    const server = new Y.Doc()
    const gone = addObject(server, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'Delete me' }, me)
    const tab = new Y.Doc()
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(server))
    const added = addObject(tab, { kind: 'sticky', canvas: 'c', x: 5, y: 5, text: 'Unsent' }, me)
    deleteObjects(tab, [gone], me)
    expect(saveForReload(ROOM, tab, new Set([added, gone]))).toBe(true)

    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    expect(restoreAfterReload(ROOM, fresh, ME, 'recovery')).toBe(2)
    expect(textOfObject(fresh, added)).toBe('Unsent')
    expect(objectsOf(fresh).has(gone)).toBe(false)
    // once: a second reload carries nothing again
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(restoreAfterReload(ROOM, fresh, ME, 'recovery')).toBe(0)
  })

  it('saves nothing when nothing waits to be sent', () => {
    expect(saveForReload(ROOM, new Y.Doc(), new Set())).toBe(false)
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })

  it('drops work it cannot carry: saved by a newer page, or not a saved document at all', () => {
    const tab = new Y.Doc()
    const added = addObject(tab, { kind: 'sticky', canvas: 'c', x: 0, y: 0, text: 'From the future' }, me)
    saveForReload(ROOM, tab, new Set([added]))
    const saved = JSON.parse(sessionStorage.getItem(KEY)!) as { schema: number }
    sessionStorage.setItem(KEY, JSON.stringify({ ...saved, schema: SCHEMA_VERSION + 1 }))
    const fresh = new Y.Doc()
    expect(restoreAfterReload(ROOM, fresh, ME, 'recovery')).toBe(0)
    expect(objectsOf(fresh).size).toBe(0)
    for (const junk of ['not json', '{"schema":1,"doc":"@@@","keys":[]}', '{"schema":"x"}', 'null']) {
      sessionStorage.setItem(KEY, junk)
      expect(restoreAfterReload(ROOM, fresh, ME, 'recovery')).toBe(0)
      expect(sessionStorage.getItem(KEY)).toBeNull()
    }
  })
})
