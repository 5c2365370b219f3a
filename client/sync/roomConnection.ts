import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import { ownerOfToken } from '../../shared/identity'
import { objectsOf } from '../../shared/schema/boardDoc'
import { SCHEMA_CLOSE, SCHEMA_PARAM } from '../../shared/schema/handshake'
import { SCHEMA_VERSION } from '../../shared/schema/migrations'
import { restoreAfterReload, saveForReload } from './carryOver'
import { flushPendingWrites } from '../state/pendingWrites'
import { parseRefusal, replayOwnWork, type RefusalReason } from './recover'
import { INITIAL_STATUS, ValueStore, type RoomStatus } from './statusStore'
import { trackUnsent } from './unsent'
import { wsBase } from './wsBase'

/** After this long without a connection we stop saying "Reconnecting" and admit we are offline. */
const OFFLINE_AFTER_MS = 5000
/** Cap on the reconnect back-off, so a server that comes back is found again quickly. */
const MAX_BACKOFF_MS = 4000
/** The close code the relay uses when the session is deleted under an open room. */
const SESSION_DELETED = 4404
/** The close code the relay uses when a facilitator removed this person from the session. */
const PERSON_REMOVED = 4003
/** Close codes after which reconnecting is pointless: y-websocket's 4400-4499, and a removal. */
const isFinalClose = (code: number) => code === PERSON_REMOVED || (code >= 4400 && code < 4500)

/** y-websocket's auth message type, and y-protocols' permission-denied sub-type. */
const MESSAGE_AUTH = 2
const PERMISSION_DENIED = 0
/** The origin of the changes carried over into a fresh document after a refusal (not undoable). */
export const RECOVERY_ORIGIN = Symbol('recovery')

/** A change of this person's that the server refused: why, and what kind of object it concerned. */
export interface RefusalNotice {
  readonly code: RefusalReason['code']
  /** The refused object's kind (e.g. 'sticky'), when the refusal names one this client knows. */
  readonly kind: string | null
  /** Counts refusals, so the same sentence said twice is said again. */
  readonly seq: number
}

/** The latest refusal of a room (kept across its generations), or none. */
export interface Refusals {
  readonly latest: RefusalNotice | null
}

/** One room of a session: its document, its provider's awareness, and how the link is doing. */
export interface RoomConnection {
  readonly room: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly status: ValueStore<RoomStatus>
  /** The changes the server refused in this room, shared by every generation of the connection. */
  readonly refusals: ValueStore<Refusals>
  /** Closes the socket and frees the document; the connection cannot be used afterwards. */
  destroy(): void
}

export interface ConnectRoomOptions {
  readonly room: string
  readonly key: string
  /** Base URL of the relay; defaults to this page's origin. */
  readonly base?: string
  /** This person's private token (shared/identity.ts): the relay knows them as its owner id. */
  readonly token?: string
  /** Whether this person's role may change the room (default true); nothing waits to be sent otherwise. */
  readonly writable?: boolean
  /**
   * After the server refused a change, the connection replaces itself with a fresh one synced from
   * the server, this person's other unsent work carried over (recover.ts): called with the new one,
   * which the caller uses (and destroys) from then on.
   */
  readonly onReplaced?: (next: RoomConnection) => void
  /** The refusals store to share with an earlier generation. */
  readonly refusals?: ValueStore<Refusals>
  /**
   * The room's document as the server had it moments ago (fetched ahead, prefetch.ts): held before
   * the socket opens, so the first sync brings only what changed since, and the board is drawn at once.
   */
  readonly initial?: Uint8Array
}

/**
 * Opens a room. Edits made while the socket is down stay in the document and go out in the sync
 * handshake when it is back; every edit is counted as pending until the server has acknowledged
 * it, and closing the page while some are pending asks first. A change the server refuses is noted
 * in `refusals`, and the connection then starts afresh (see `onReplaced`), nothing else lost.
 */
export function connectRoom(options: ConnectRoomOptions): RoomConnection {
  const { room, key, base = wsBase(), token, writable = true } = options
  const doc = new Y.Doc()
  // before the provider listens to the document: what the server sent is not sent back to it
  if (options.initial) holdInitial(doc, options.initial)
  const provider = new WebsocketProvider(base, room, doc, {
    // the schema this page speaks: the relay closes a tab of another version at once (handshake.ts)
    params: token
      ? { token, key, [SCHEMA_PARAM]: String(SCHEMA_VERSION) }
      : { key, [SCHEMA_PARAM]: String(SCHEMA_VERSION) },
    // Tabs of one browser must not sync behind the server's back: the server checks every write.
    disableBc: true,
    maxBackoffTime: MAX_BACKOFF_MS,
    shouldReconnect: (event) => !isFinalClose(event.code),
  })
  // Nobody is present until they join; the awareness starts as `{}` otherwise.
  provider.awareness.setLocalState(null)
  const stopEchoes = sendOwnAwarenessOnly(provider)
  const status = new ValueStore<RoomStatus>(INITIAL_STATUS)
  const refusals = options.refusals ?? new ValueStore<Refusals>({ latest: null })
  const stopTracking = trackStatus(provider, status)
  const unsent = writable ? trackUnsent(provider, doc, (pending) => status.update({ pending })) : null
  const self = token ? ownerOfToken(token) : ''
  // an older page told to reload keeps its unsent work (carryOver.ts): saved at once, and again with
  // every later change (text still being typed, saved when its field lets go) and as the page goes
  let savedForReload = false
  let keeping = false
  const keep = () => {
    flushPendingWrites()
    if (unsent) savedForReload = saveForReload(room, doc, unsent.unsentKeys())
  }
  const onSchemaClose = (event: CloseEvent | null) => {
    if (event?.code !== SCHEMA_CLOSE.reload || !unsent || keeping) return
    keeping = true
    keep()
    doc.on('update', keep)
    window.addEventListener('pagehide', keep)
  }
  provider.on('connection-close', onSchemaClose)
  const stopRestoring = whenSynced(status, () => restoreAfterReload(room, doc, self, RECOVERY_ORIGIN))
  const warnBeforeUnload = (event: BeforeUnloadEvent) => {
    // kept for after the reload (carryOver.ts): leaving loses nothing
    if (status.get().pending.total === 0 || savedForReload) return
    // the browser shows its own words; both calls are needed across browsers
    event.preventDefault()
    event.returnValue = ''
  }
  window.addEventListener('beforeunload', warnBeforeUnload)
  let destroyed = false
  let next: RoomConnection | null = null
  const connection: RoomConnection = {
    room,
    doc,
    awareness: provider.awareness,
    status,
    refusals,
    destroy() {
      if (destroyed) return
      destroyed = true
      next?.destroy() // a generation still syncing, never handed out
      stopTracking()
      stopRestoring()
      provider.off('connection-close', onSchemaClose)
      doc.off('update', keep)
      window.removeEventListener('pagehide', keep)
      unsent?.stop()
      window.removeEventListener('beforeunload', warnBeforeUnload)
      provider.awareness.setLocalState(null)
      stopEchoes()
      provider.destroy()
      doc.destroy()
    },
  }
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) !== PERMISSION_DENIED) return
    const reason = parseRefusal(decoding.readVarString(decoder))
    // the same refused change comes back refused while the fresh generation syncs: said once
    if (destroyed || next) return
    // an object this person deleted is known by the kind it had
    const kind = reason.object
      ? (objectsOf(doc).get(reason.object)?.get('kind') ?? unsent?.kindOf(reason.object))
      : undefined
    const seq = (refusals.get().latest?.seq ?? 0) + 1
    refusals.update({ latest: { code: reason.code, kind: typeof kind === 'string' ? kind : null, seq } })
    if (!unsent) return
    next = connectRoom({ ...options, initial: undefined, refusals })
    replaceWhenSynced(next, () => {
      const fresh = next!
      next = null
      flushPendingWrites() // words still being typed go into the copy too
      replayOwnWork(doc, fresh.doc, unsent.unsentKeys(), {
        skip: reason.object,
        self,
        origin: RECOVERY_ORIGIN,
      })
      connection.destroy()
      options.onReplaced?.(fresh)
    })
  }
  return connection
}

/** The origin of a document fetched ahead (not this person's work: never undone, never counted as unsent). */
export const FETCHED_AHEAD_ORIGIN = Symbol('fetched-ahead')

function holdInitial(doc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(doc, update, FETCHED_AHEAD_ORIGIN)
  } catch {
    // not a document after all: the first sync brings the whole of it
  }
}

/** Calls `then` once the new generation has the server's document (not at all if it is destroyed first). */
function replaceWhenSynced(fresh: RoomConnection, then: () => void): void {
  whenSynced(fresh.status, then)
}

/** Calls `then` once a room's document has first been synced with the server; returns a stop. */
function whenSynced(status: ValueStore<RoomStatus>, then: () => void): () => void {
  const stop = status.subscribe(() => {
    if (!status.get().everSynced) return
    stop()
    then()
  })
  return stop
}

/** Keeps `status` in step with the provider and the browser's online flag. */
function trackStatus(provider: WebsocketProvider, status: ValueStore<RoomStatus>): () => void {
  let offlineTimer: ReturnType<typeof setTimeout> | undefined
  const isLive = () => provider.wsconnected && provider.synced
  const refresh = () => {
    if (isLive()) {
      clearTimeout(offlineTimer)
      offlineTimer = undefined
      status.update({ state: 'connected', everSynced: true })
      return
    }
    if (!navigator.onLine || status.get().refused) {
      status.update({ state: 'offline' })
      return
    }
    if (status.get().state === 'connected') status.update({ state: 'reconnecting' })
    offlineTimer ??= setTimeout(() => {
      offlineTimer = undefined
      if (!isLive()) status.update({ state: 'offline' })
    }, OFFLINE_AFTER_MS)
  }
  const onClosed = (event: { code: number; reason: string }) => {
    status.update({
      refused: event.reason || `refused (code ${event.code})`,
      state: 'offline',
      deleted: event.code === SESSION_DELETED,
      removed: event.code === PERSON_REMOVED,
      schema:
        event.code === SCHEMA_CLOSE.reload ? 'reload' : event.code === SCHEMA_CLOSE.tooNew ? 'newer' : null,
    })
  }
  // The browser knows before the socket does; stop retrying while offline and retry at once after.
  const onOffline = () => {
    provider.disconnect()
    refresh()
  }
  const onOnline = () => {
    if (!status.get().refused) provider.connect()
    refresh()
  }
  provider.on('status', refresh)
  provider.on('sync', refresh)
  provider.on('closed', onClosed)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  refresh()
  return () => {
    clearTimeout(offlineTimer)
    provider.off('status', refresh)
    provider.off('sync', refresh)
    provider.off('closed', onClosed)
    window.removeEventListener('offline', onOffline)
    window.removeEventListener('online', onOnline)
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * The stock provider sends every awareness change it sees, others' included, so each cursor move
 * would come back to the relay from every client (n² messages, all dropped there, and counted
 * against each sender's rate limit). The relay already gives each newcomer everyone's state, so
 * this client sends only its own.
 */
function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const stock = provider._awarenessUpdateHandler
  const own = provider.awareness.clientID
  const ownOnly = (change: AwarenessChange, origin: unknown) => {
    const mine = (ids: number[]) => ids.filter((id) => id === own)
    const filtered = {
      added: mine(change.added),
      updated: mine(change.updated),
      removed: mine(change.removed),
    }
    if (filtered.added.length + filtered.updated.length + filtered.removed.length > 0) stock(filtered, origin)
  }
  provider.awareness.off('update', stock)
  provider.awareness.on('update', ownOnly)
  return () => provider.awareness.off('update', ownOnly)
}
