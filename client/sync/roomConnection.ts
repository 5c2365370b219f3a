import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import { INITIAL_STATUS, ValueStore, type RoomStatus } from './statusStore'
import { trackUnsent } from './unsent'
import { wsBase } from './wsBase'

/** After this long without a connection we stop saying "Reconnecting" and admit we are offline. */
const OFFLINE_AFTER_MS = 5000
/** Cap on the reconnect back-off, so a server that comes back is found again quickly. */
const MAX_BACKOFF_MS = 4000
/** The close code the relay uses when the session is deleted under an open room. */
const SESSION_DELETED = 4404

/** One room of a session: its document, its provider's awareness, and how the link is doing. */
export interface RoomConnection {
  readonly room: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly status: ValueStore<RoomStatus>
  /** Closes the socket and frees the document; the connection cannot be used afterwards. */
  destroy(): void
}

export interface ConnectRoomOptions {
  readonly room: string
  readonly key: string
  /** Base URL of the relay; defaults to this page's origin. */
  readonly base?: string
  /** Further query parameters (a private room's `token`). */
  readonly params?: Readonly<Record<string, string>>
  /** Whether this person's role may change the room (default true); nothing waits to be sent otherwise. */
  readonly writable?: boolean
}

/**
 * Opens a room. Edits made while the socket is down stay in the document and go out in the sync
 * handshake when it is back; every edit is counted as pending until the server has acknowledged
 * it, and closing the page while some are pending asks first.
 */
export function connectRoom({
  room,
  key,
  base = wsBase(),
  params,
  writable = true,
}: ConnectRoomOptions): RoomConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(base, room, doc, {
    params: { ...params, key },
    // Tabs of one browser must not sync behind the server's back: the server checks every write.
    disableBc: true,
    maxBackoffTime: MAX_BACKOFF_MS,
  })
  // Nobody is present until they join; the awareness starts as `{}` otherwise.
  provider.awareness.setLocalState(null)
  const stopEchoes = sendOwnAwarenessOnly(provider)
  const status = new ValueStore<RoomStatus>(INITIAL_STATUS)
  const stopTracking = trackStatus(provider, status)
  const stopUnsent = writable ? trackUnsent(provider, doc, (pending) => status.update({ pending })) : () => {}
  const warnBeforeUnload = (event: BeforeUnloadEvent) => {
    if (status.get().pending.total === 0) return
    // the browser shows its own words; both calls are needed across browsers
    event.preventDefault()
    event.returnValue = ''
  }
  window.addEventListener('beforeunload', warnBeforeUnload)
  return {
    room,
    doc,
    awareness: provider.awareness,
    status,
    destroy() {
      stopTracking()
      stopUnsent()
      window.removeEventListener('beforeunload', warnBeforeUnload)
      provider.awareness.setLocalState(null)
      stopEchoes()
      provider.destroy()
      doc.destroy()
    },
  }
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
