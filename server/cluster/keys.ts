/**
 * Redis key names. Every key of a room carries the room in a hash tag (`{…}`), so a room's keys
 * share one cluster slot and scripts may touch them together; a session's index keys carry the
 * session id the same way.
 */
export function clusterKeys(prefix: string) {
  return {
    /** Stream of a room's stored updates (fields: u = update, i = instance that stored it). */
    log: (room: string) => `${prefix}{${room}}:log`,
    /** Hash: the room's compacted state (`state`) and the last stream id it holds (`id`). */
    snap: (room: string) => `${prefix}{${room}}:snap`,
    /** The compaction lock of a room: one instance at a time. */
    lock: (room: string) => `${prefix}{${room}}:lock`,
    /** Pub/sub channel of a room's awareness updates. */
    awareness: (room: string) => `${prefix}{${room}}:awareness`,
    /** Hash: a session's record (title, template, created, hashed keys). */
    session: (id: string) => `${prefix}{${id}}:session`,
    /** Set: the names of a session's stored rooms. */
    rooms: (id: string) => `${prefix}{${id}}:rooms`,
    /** Hash: a session's people (person id → JSON record). */
    people: (id: string) => `${prefix}{${id}}:people`,
    /** Set: the ids of a session's people waiting to be admitted (for the cap). */
    waiting: (id: string) => `${prefix}{${id}}:waiting`,
    /** List: a session's log (JSON entries, oldest first). */
    audit: (id: string) => `${prefix}{${id}}:audit`,
    /** Hash: a session's uploaded images (file name → bytes). */
    images: (id: string) => `${prefix}{${id}}:images`,
    /** Hash: saved templates (id → JSON). */
    templates: `${prefix}templates`,
    /** Pub/sub channel of cluster-wide events (a session deleted). */
    events: `${prefix}events`,
  }
}

export type ClusterKeys = ReturnType<typeof clusterKeys>

/** The room a stream key belongs to. */
export function roomOfLogKey(prefix: string, key: string): string | undefined {
  if (!key.startsWith(`${prefix}{`) || !key.endsWith('}:log')) return undefined
  return key.slice(prefix.length + 1, -'}:log'.length)
}
