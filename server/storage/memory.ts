import type { SessionRecord, Storage } from './types'

/** In-memory storage with the same semantics as SQLite, for unit tests. */
export function createMemoryStorage(): Storage {
  const rooms = new Map<string, Uint8Array[]>()
  const sessions = new Map<string, SessionRecord>()
  const push = (room: string, update: Uint8Array): void => {
    const list = rooms.get(room) ?? []
    list.push(update.slice())
    rooms.set(room, list)
  }
  const dropSessionDocs = (id: string): void => {
    for (const room of [...rooms.keys()]) if (room === id || room.startsWith(`${id}/`)) rooms.delete(room)
  }
  return {
    load: async (room) => [...(rooms.get(room) ?? [])],
    append: async (batch) => {
      for (const { room, update } of batch) push(room, update)
    },
    compact: async (room, state) => {
      rooms.set(room, [state.slice()])
    },
    listRooms: async (prefix) => [...rooms.keys()].filter((r) => r.startsWith(prefix)),
    deleteSessionDocs: async (id) => dropSessionDocs(id),
    createSession: async (record, docs) => {
      sessions.set(record.id, record)
      for (const { room, update } of docs) push(room, update)
    },
    getSession: async (id) => sessions.get(id),
    deleteSession: async (id) => {
      dropSessionDocs(id)
      return sessions.delete(id)
    },
    close: () => {},
  }
}
