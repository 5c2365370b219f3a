import * as Y from 'yjs'
import { parseRoom } from '../../shared/rooms'
import { objectsOf } from '../../shared/schema/boardDoc'
import { SCHEMA_VERSION, stampVersion, upgradeDoc } from '../../shared/schema/migrations'
import { replayOwnWork } from './recover'

/*
 * A tab older than the server is asked to reload (shared/schema/handshake.ts). What it had not yet
 * sent would be lost with the page, so it is kept first: each unsent thing (an object as this tab has
 * it, or a plain entry such as a vote) goes into a small document of its own, saved in this tab's
 * sessionStorage with the schema version it was written in. After the reload the new page takes that
 * document up to its own schema with the same steps the server runs (migrations.ts) and carries the
 * things across into the room as it now is (recover.ts), as after a refused change.
 */

const storageKey = (room: string): string => `wb:unsent:${room}`

interface Saved {
  /** The schema version of the page that saved it (the shapes it wrote). */
  readonly schema: number
  /** The small document, as one Yjs update in base64. */
  readonly doc: string
  /** The unsent things' keys (object ids, `root/entry`), as unsent.ts names them. */
  readonly keys: string[]
}

/** Saves this tab's unsent work in a room before a reload; true when there was some and it fits. */
export function saveForReload(room: string, doc: Y.Doc, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false
  const carry = new Y.Doc()
  carry.transact(() => {
    for (const key of keys) {
      const slash = key.indexOf('/')
      if (slash < 0) {
        const obj: unknown = objectsOf(doc).get(key)
        // an object this tab deleted stays out: carried across, that deletes it
        if (obj instanceof Y.Map) objectsOf(carry).set(key, obj.clone() as Y.Map<unknown>)
        continue
      }
      const root = doc.share.get(key.slice(0, slash))
      const entry = key.slice(slash + 1)
      if (root instanceof Y.Map && root.has(entry) && !(root.get(entry) instanceof Y.AbstractType))
        carry.getMap(key.slice(0, slash)).set(entry, root.get(entry))
    }
  })
  const saved: Saved = {
    schema: SCHEMA_VERSION,
    doc: toBase64(Y.encodeStateAsUpdate(carry)),
    keys: [...keys],
  }
  carry.destroy()
  try {
    sessionStorage.setItem(storageKey(room), JSON.stringify(saved))
    return true
  } catch {
    return false // over the storage quota: the page still warns before it unloads
  }
}

/**
 * Carries work saved before a reload into the room's fresh document (once synced), upgraded to this
 * page's schema; returns how many things it changed. Work the shapes cannot carry (saved by a newer
 * page, or unreadable) is dropped.
 */
export function restoreAfterReload(room: string, to: Y.Doc, self: string, origin: unknown): number {
  const raw = sessionStorage.getItem(storageKey(room))
  if (raw === null) return 0
  sessionStorage.removeItem(storageKey(room))
  const info = parseRoom(room)
  const carry = new Y.Doc()
  try {
    const saved = JSON.parse(raw) as Saved
    if (!info || typeof saved.schema !== 'number' || saved.schema > SCHEMA_VERSION) return 0
    Y.applyUpdate(carry, fromBase64(saved.doc))
    // the shapes of the page that saved it: the steps since then run on them as on the server
    if (saved.schema < SCHEMA_VERSION) {
      carry.getMap('meta').set('version', saved.schema)
      upgradeDoc(carry, info.kind, null)
    } else stampVersion(carry)
    const keys = Array.isArray(saved.keys) ? saved.keys.filter((k) => typeof k === 'string') : []
    return replayOwnWork(carry, to, keys, { self, origin })
  } catch {
    // not JSON, not an update, or not a shape this page can take up: nothing to carry
    return 0
  } finally {
    carry.destroy()
  }
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
