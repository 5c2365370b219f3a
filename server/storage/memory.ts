import type { PersonRecord, SessionLogEntry, SessionRecord, Storage } from './types'

/** In-memory storage with the same semantics as SQLite, for unit tests. */
export function createMemoryStorage(): Storage {
  const rooms = new Map<string, Uint8Array[]>()
  const sessions = new Map<string, SessionRecord>()
  /** Each session's people by id (a Map keeps the order they joined in). */
  const people = new Map<string, Map<string, PersonRecord>>()
  const logs = new Map<string, SessionLogEntry[]>()
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
    appendNow: (batch) => {
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
      people.delete(id)
      logs.delete(id)
      return sessions.delete(id)
    },
    setKeyHash: async (id, role, hash) => {
      const s = sessions.get(id)
      if (s) sessions.set(id, { ...s, keyHashes: { ...s.keyHashes, [role]: hash } })
    },
    addPerson: async (person, caps) => {
      let list = people.get(person.sessionId)
      if (!list) people.set(person.sessionId, (list = new Map()))
      if (list.size >= caps.maxPeople) return 'full'
      const waiting = [...list.values()].filter((p) => p.status === 'waiting').length
      if (person.status === 'waiting' && waiting >= caps.maxWaiting) return 'waiting-full'
      list.set(person.id, person)
      return 'added'
    },
    getPerson: async (sessionId, id) => people.get(sessionId)?.get(id),
    updatePerson: async (sessionId, id, changes) => {
      const list = people.get(sessionId)
      const current = list?.get(id)
      if (!list || !current) return undefined
      const next = { ...current, ...changes }
      list.set(id, next)
      return next
    },
    listPeople: async (sessionId) => [...(people.get(sessionId)?.values() ?? [])],
    appendLog: async (entry) => {
      const list = logs.get(entry.sessionId) ?? []
      list.push(entry)
      logs.set(entry.sessionId, list)
    },
    readLog: async (sessionId) => [...(logs.get(sessionId) ?? [])],
    close: () => {},
  }
}
