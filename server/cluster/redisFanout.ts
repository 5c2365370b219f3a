import type { Redis } from 'ioredis'
import type { Logger } from '../logger'
import type { Fanout, RoomFeed } from '../relay/fanout'
import { parseEntries } from './entries'
import { roomOfLogKey, type ClusterKeys } from './keys'
import type { StoredRoom } from './redisStorage'
import { compareStreamIds } from './streamIds'

interface Followed {
  readonly feed: RoomFeed
  /** Id of the last entry applied here: the stream is read on from it. */
  position: string
}

export interface RedisFanoutOptions {
  readonly keys: ClusterKeys
  readonly prefix: string
  readonly instance: string
  readonly loadRoom: (room: string) => Promise<StoredRoom>
  readonly log: Logger
}

/** Entries read from all followed streams per XREAD. */
const READ_COUNT = 1000
/** A blocked XREAD returns after this long without entries, so a stopped fanout ends soon. */
const BLOCK_MS = 2000

/**
 * Rooms shared between instances through Redis. Updates: every instance appends to a room's
 * stream (XADD, see RedisStorage.append) and one blocking XREAD per instance follows every room it
 * has open from the last id it applied, so an update is at-least-once and in stream order; a reader
 * that finds a trim marker past its position reloads the room from its snapshot (CRDT updates apply
 * twice harmlessly). Awareness, which is fleeting, goes by pub/sub.
 */
export class RedisFanout implements Fanout {
  private readonly followed = new Map<string, Followed>()
  private readonly deletedHandlers: ((id: string) => void)[] = []
  private readonly removedHandlers: ((id: string, person: string) => void)[] = []
  private readonly renamedHandlers: ((id: string, person: string, name: string) => void)[] = []
  private stopped = false
  private readerId: number | undefined
  /** The followed rooms changed since the running XREAD was sent. */
  private changed = false
  private waking: NodeJS.Timeout | undefined
  private readonly loop: Promise<void>

  constructor(
    private readonly cmd: Redis,
    private readonly reader: Redis,
    private readonly sub: Redis,
    private readonly options: RedisFanoutOptions,
  ) {
    const { keys, instance } = options
    reader.on('ready', () => {
      void reader.client('ID').then((id) => (this.readerId = Number(id)))
    })
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString()
      if (name === keys.events) return this.event(message.toString())
      // awareness: <instance id length><instance id><update>
      const idLength = message[0] ?? 0
      if (message.subarray(1, 1 + idLength).toString() === instance) return
      const room = name.slice(name.indexOf('{') + 1, name.lastIndexOf('}'))
      this.followed.get(room)?.feed.awareness(new Uint8Array(message.subarray(1 + idLength)))
    })
    void sub
      .subscribe(keys.events)
      .catch((err: unknown) => options.log.error({ err }, 'redis subscribe failed'))
    this.loop = this.readLoop()
  }

  /** Where this instance has applied a room's stream up to (for compaction). */
  positionOf(room: string): string | undefined {
    return this.followed.get(room)?.position
  }

  async open(room: string, feed: RoomFeed): Promise<Uint8Array[]> {
    await this.sub.subscribe(this.options.keys.awareness(room))
    const stored = await this.options.loadRoom(room)
    this.followed.set(room, { feed, position: stored.position })
    this.wake()
    return stored.updates
  }

  close(room: string): void {
    if (!this.followed.delete(room)) return
    void this.sub.unsubscribe(this.options.keys.awareness(room)).catch(() => {})
    this.wake()
  }

  publishAwareness(room: string, update: Uint8Array): void {
    const id = Buffer.from(this.options.instance)
    const message = Buffer.concat([Buffer.from([id.length]), id, update])
    void this.cmd.publish(this.options.keys.awareness(room), message).catch(() => {
      // awareness is fleeting: a lost one is renewed by the client within 15 s
    })
  }

  publishSessionDeleted(sessionId: string): void {
    const event = JSON.stringify({ type: 'session-deleted', id: sessionId, from: this.options.instance })
    void this.cmd.publish(this.options.keys.events, event).catch((err: unknown) => {
      this.options.log.error(
        { err, session: sessionId },
        'could not tell other instances a session was deleted',
      )
    })
  }

  onSessionDeleted(handler: (sessionId: string) => void): void {
    this.deletedHandlers.push(handler)
  }

  publishPersonRemoved(sessionId: string, personId: string): void {
    const event = JSON.stringify({
      type: 'person-removed',
      id: sessionId,
      person: personId,
      from: this.options.instance,
    })
    void this.cmd.publish(this.options.keys.events, event).catch((err: unknown) => {
      this.options.log.error(
        { err, session: sessionId },
        'could not tell other instances a person was removed',
      )
    })
  }

  onPersonRemoved(handler: (sessionId: string, personId: string) => void): void {
    this.removedHandlers.push(handler)
  }

  async publishPersonRenamed(sessionId: string, personId: string, name: string): Promise<void> {
    const event = JSON.stringify({
      type: 'person-renamed',
      id: sessionId,
      person: personId,
      name,
      from: this.options.instance,
    })
    try {
      await this.cmd.publish(this.options.keys.events, event)
    } catch (err) {
      // the name still reaches them when their connections there open again
      this.options.log.error(
        { err, session: sessionId },
        'could not tell other instances a person was renamed',
      )
    }
  }

  onPersonRenamed(handler: (sessionId: string, personId: string, name: string) => void): void {
    this.renamedHandlers.push(handler)
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.wake()
    await this.loop
  }

  private event(text: string): void {
    try {
      const event = JSON.parse(text) as {
        type?: string
        id?: string
        person?: string
        name?: string
        from?: string
      }
      if (typeof event.id !== 'string' || event.from === this.options.instance) return
      if (event.type === 'session-deleted') for (const handler of this.deletedHandlers) handler(event.id)
      if (event.type === 'person-removed' && typeof event.person === 'string')
        for (const handler of this.removedHandlers) handler(event.id, event.person)
      if (
        event.type === 'person-renamed' &&
        typeof event.person === 'string' &&
        typeof event.name === 'string'
      )
        for (const handler of this.renamedHandlers) handler(event.id, event.person, event.name)
    } catch {
      this.options.log.warn('ignored a malformed cluster event')
    }
  }

  /**
   * Interrupts a blocked XREAD so the next one reads the rooms followed now; tried again every 20 ms
   * until the read loop has taken the change in (an UNBLOCK may reach Redis before the XREAD does).
   */
  private wake(): void {
    this.changed = true
    const unblock = (): void => {
      if (this.readerId !== undefined) void this.cmd.client('UNBLOCK', this.readerId).catch(() => {})
    }
    unblock()
    if (this.waking) return
    this.waking = setInterval(() => {
      if (this.changed && !this.stopped) return unblock()
      clearInterval(this.waking)
      this.waking = undefined
    }, 20)
  }

  private async readLoop(): Promise<void> {
    const { prefix, log } = this.options
    await this.reader.connect().catch(() => {}) // retried by ioredis
    let failures = 0
    while (!this.stopped) {
      this.changed = false
      const rooms = [...this.followed.entries()]
      if (rooms.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        continue
      }
      let reply: unknown
      try {
        reply = await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...rooms.map(([room]) => this.options.keys.log(room)),
          ...rooms.map(([, f]) => f.position),
        )
        failures = 0
      } catch (err) {
        if (this.stopped) break
        if (failures++ === 0)
          log.warn({ err: (err as Error).message }, 'reading room streams failed; retrying')
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * failures, 1000)))
        continue
      }
      for (const [key, raw] of streamsOf(reply)) {
        const room = roomOfLogKey(prefix, key.toString())
        const followed = room === undefined ? undefined : this.followed.get(room)
        if (room === undefined || !followed) continue
        await this.deliver(room, followed, raw)
      }
    }
  }

  /** Applies a room's new entries in order; reloads the room if entries it had not read were trimmed. */
  private async deliver(room: string, followed: Followed, raw: unknown): Promise<void> {
    const updates: Uint8Array[] = []
    let gap = false
    for (const entry of parseEntries(raw)) {
      if (compareStreamIds(entry.id, followed.position) <= 0) continue
      if (entry.trimmedTo && compareStreamIds(followed.position, entry.trimmedTo) < 0) gap = true
      followed.position = entry.id
      if (entry.update && entry.instance !== this.options.instance) updates.push(entry.update)
    }
    if (updates.length > 0) followed.feed.updates(updates)
    if (!gap) return
    this.options.log.warn({ room }, 'fell behind a trimmed stream; reloading the room from its snapshot')
    try {
      const stored = await this.options.loadRoom(room)
      if (this.followed.get(room) !== followed) return
      followed.feed.updates(stored.updates)
      if (compareStreamIds(stored.position, followed.position) > 0) followed.position = stored.position
    } catch (err) {
      this.options.log.error({ err, room }, 'reloading a room failed')
    }
  }
}

/**
 * XREAD's answer as [stream key, entries] pairs: an array of pairs over RESP2, a map (which ioredis
 * gives as a flat [key, entries, key, entries, ...] array) over RESP3.
 */
function streamsOf(reply: unknown): [Buffer, unknown][] {
  if (!Array.isArray(reply) || reply.length === 0) return []
  if (Array.isArray(reply[0])) return reply as [Buffer, unknown][]
  const pairs: [Buffer, unknown][] = []
  for (let i = 0; i + 1 < reply.length; i += 2) pairs.push([reply[i] as Buffer, reply[i + 1]])
  return pairs
}
