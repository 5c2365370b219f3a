import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, type Presence } from '../../shared/presence'
import { eachFrame } from './eachFrame'

/** One person in the room, as everyone's awareness reports them. */
export interface Peer {
  readonly clientId: number
  readonly self: boolean
  readonly presence: Presence
}

const NO_PEERS: readonly Peer[] = []

/**
 * People in the board room, self included, ordered by name. Unchanged people keep their identity;
 * states that are not a valid presence (another build, a bad client) are left out.
 */
export function createPeersStore(awareness: Awareness) {
  let key = ''
  let cached = NO_PEERS
  const byClient = new Map<number, { clock: number; peer: Peer }>()
  const get = (): readonly Peer[] => {
    const states = awareness.getStates()
    let nextKey = ''
    for (const id of states.keys()) nextKey += `${id}:${awareness.meta.get(id)?.clock ?? 0};`
    if (nextKey === key) return cached
    key = nextKey
    const peers: Peer[] = []
    for (const [clientId, state] of states) {
      const clock = awareness.meta.get(clientId)?.clock ?? 0
      const known = byClient.get(clientId)
      if (known && known.clock === clock) {
        peers.push(known.peer)
        continue
      }
      const presence = readPresence(state)
      if (!presence) continue
      const peer: Peer = { clientId, self: clientId === awareness.clientID, presence }
      byClient.set(clientId, { clock, peer })
      peers.push(peer)
    }
    for (const id of byClient.keys()) if (!states.has(id)) byClient.delete(id)
    peers.sort((a, b) => a.presence.user.name.localeCompare(b.presence.user.name) || a.clientId - b.clientId)
    cached = peers
    return cached
  }
  const subscribe = (listener: () => void) => {
    awareness.on('change', listener)
    return () => awareness.off('change', listener)
  }
  return { get, subscribe }
}

/** Everyone present in the board room. */
export function usePeers(awareness: Awareness): readonly Peer[] {
  const store = useMemo(() => createPeersStore(awareness), [awareness])
  return useSyncExternalStore(store.subscribe, store.get)
}

/** A store of the people present, as `createPeersStore` makes it. */
export type PeersStore = ReturnType<typeof createPeersStore>

/**
 * What of a person changes rarely: who they are, what they selected, which canvas they point at and
 * look at. Cursors and views move many times a second in a busy room; this does not.
 */
function slowKey(p: Peer): string {
  const { user, selection, cursor, view } = p.presence
  return `${p.clientId}|${p.self}|${user.id}|${user.name}|${user.color}|${user.role}|${cursor?.canvas ?? '-'}|${view?.canvas ?? '-'}|${selection.join(',')}`
}

/**
 * The people present, changing only when something other than a cursor or a view moved: the
 * panels and the objects' selection outlines read this, so 30 moving cursors re-render none of
 * them. The positions it holds may be stale: read them from the live store (`useLivePeers`).
 */
export function createSettledPeersStore(live: PeersStore) {
  let key = ''
  let cached = NO_PEERS
  const get = (): readonly Peer[] => {
    const peers = live.get()
    let next = ''
    for (const p of peers) next += `${slowKey(p)}\n`
    if (next !== key) {
      key = next
      cached = peers
    }
    return cached
  }
  return { get, subscribe: live.subscribe }
}

/**
 * The live store, telling its listeners at most once per animation frame: a room's cursors arrive
 * hundreds of times a second, and nobody sees more than one frame of them.
 */
export function createFramePeersStore(live: PeersStore): PeersStore {
  return { get: live.get, subscribe: eachFrame(live.subscribe) }
}

/** The board room's people: settled (for lists and outlines) and live, one frame at a time (cursors, following). */
export function useRoomPeople(awareness: Awareness): { peers: readonly Peer[]; live: PeersStore } {
  const stores = useMemo(() => {
    // both read the states once a frame at most: a busy room sends hundreds of cursor moves a second
    const live = createFramePeersStore(createPeersStore(awareness))
    return { settled: createSettledPeersStore(live), live }
  }, [awareness])
  const peers = useSyncExternalStore(stores.settled.subscribe, stores.settled.get)
  return { peers, live: stores.live }
}

/** The view of the first other facilitator who shares one (what "follow" follows), as a store. */
function createLeaderViewStore(live: PeersStore) {
  let key = ''
  let cached: Presence['view'] = null
  const get = (): Presence['view'] => {
    const leader = live
      .get()
      .find((p) => !p.self && p.presence.user.role === 'facilitator' && p.presence.view)
    const view = leader?.presence.view ?? null
    const next = view ? `${view.canvas}:${view.x}:${view.y}:${view.scale}:${view.w}:${view.h}` : ''
    if (next !== key) {
      key = next
      cached = view
    }
    return cached
  }
  return { get, subscribe: live.subscribe }
}

/** The view "follow" follows, live. */
export function useLeaderView(live: PeersStore): Presence['view'] {
  const store = useMemo(() => createLeaderViewStore(live), [live])
  return useSyncExternalStore(store.subscribe, store.get)
}
