import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, type Presence } from '../../shared/presence'

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
