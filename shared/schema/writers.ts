import type * as Y from 'yjs'
import { metaOf } from './boardDoc'

/*
 * Who writes under each Yjs client id of a room: `meta` holds `writer:<client id>` → the person id
 * (their token's hash) that first wrote under it, kept by the server. The relay knows it for a room
 * in memory; stored, it holds after the room is unloaded or the server restarts, so nobody else can
 * take a person's client id and the clocks their next changes need. One flat key a client id: two
 * servers recording at once never overwrite each other's records.
 */
const PREFIX = 'writer:'

/** The recorded writers of a document: client id → person id. */
export function recordedWriters(doc: Y.Doc): Map<number, string> {
  const out = new Map<number, string>()
  for (const [key, value] of metaOf(doc).entries()) {
    if (!key.startsWith(PREFIX) || typeof value !== 'string' || value === '') continue
    const client = Number(key.slice(PREFIX.length))
    if (Number.isSafeInteger(client) && client >= 0) out.set(client, value)
  }
  return out
}

/** Records that `owner` writes under `client` (a server write, in its own transaction). */
export function recordWriter(doc: Y.Doc, client: number, owner: string, origin: unknown): void {
  doc.transact(() => metaOf(doc).set(`${PREFIX}${client}`, owner), origin)
}
