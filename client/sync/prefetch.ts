import { boardRoom } from '../../shared/rooms'
import { SCHEMA_PARAM } from '../../shared/schema/handshake'
import { SCHEMA_VERSION } from '../../shared/schema/migrations'

/** A board still on its way after this long is left to the websocket. */
const GIVE_UP_MS = 20_000

/** Boards fetched ahead, by room name: the document as one update, or null when it could not be had. */
const ahead = new Map<string, Promise<Uint8Array | null>>()

/**
 * Starts fetching a session's board while the person reads the join page (compressed over HTTP,
 * several times smaller than the websocket's first sync), so the board is drawn as soon as they
 * join. Refused (the session admits people and this person has no token yet), failed or slow: the
 * board's room syncs over the websocket as before.
 */
export function prefetchBoard(sessionId: string, key: string, token: string | null): void {
  const room = boardRoom(sessionId)
  if (ahead.has(room)) return
  const params = new URLSearchParams({ key, [SCHEMA_PARAM]: String(SCHEMA_VERSION) })
  if (token) params.set('token', token)
  const fetched = fetch(`/api/sessions/${encodeURIComponent(sessionId)}/board?${params}`, {
    signal: AbortSignal.timeout(GIVE_UP_MS),
  })
    .then(async (res) => (res.ok ? new Uint8Array(await res.arrayBuffer()) : null))
    .catch(() => null)
  ahead.set(room, fetched)
}

/** The room's document fetched ahead, if a fetch was started (it may still be on its way). */
export const fetchedAhead = (room: string): Promise<Uint8Array | null> | null => ahead.get(room) ?? null

/** Drops what was fetched ahead for a room once its connection holds it. */
export const forgetFetchedAhead = (room: string): void => void ahead.delete(room)
