import * as Y from 'yjs'
import { frameMessage, type WireFrame } from './frame'
import { encodeUpdate } from './protocol'
import type { RoomPeer } from './room'

interface Recipient {
  readonly peer: RoomPeer
  /** The last queue entry this peer has been sent, or had in its state when it joined. */
  upTo: number
  gone: boolean
}

/**
 * Stored updates on their way to a room's peers. A large room is sent to a slice of its peers per
 * event-loop turn, so the relay reads (and stores) what arrives meanwhile before it sends on; the
 * peers not yet reached then get one message holding both. Each peer receives every stored update,
 * in order, at most one message per turn; updates are never sent before they are stored.
 */
export class Outbox {
  /** Stored updates, numbered, that some peer has not been sent yet (one entry per stored batch). */
  private queue: { seq: number; update: Uint8Array }[] = []
  private last = 0
  /** Each peer, with the last entry it has been sent (or had in its state when it joined). */
  private readonly peers = new Map<RoomPeer, Recipient>()
  /** The peers that lacked something when the current pass began, and how far the pass got. */
  private pass: Recipient[] = []
  private next = 0

  add(peer: RoomPeer): void {
    this.peers.set(peer, { peer, upTo: this.last, gone: false })
  }

  remove(peer: RoomPeer): void {
    const recipient = this.peers.get(peer)
    if (recipient) recipient.gone = true
    this.peers.delete(peer)
  }

  /** Queues a stored update for every peer. */
  push(update: Uint8Array): void {
    this.queue.push({ seq: ++this.last, update })
  }

  /** Forgets everything queued (the room is unloaded or evicted). */
  clear(): void {
    this.queue = []
    this.pass = []
    this.next = 0
    for (const recipient of this.peers.values()) recipient.upTo = this.last
  }

  /**
   * Sends what they lack to up to `limit` peers. A pass goes through the peers in join order and is
   * finished before the next begins, so peers not yet reached come before those that only lack
   * what was stored meanwhile. One frame per distinct starting point, shared by every peer at it.
   * Returns false once every peer has everything.
   */
  sendSlice(limit: number): boolean {
    const frames = new Map<number, WireFrame>()
    let sent = 0
    for (;;) {
      if (this.next >= this.pass.length) {
        this.trim()
        this.pass = []
        for (const recipient of this.peers.values()) if (recipient.upTo < this.last) this.pass.push(recipient)
        this.next = 0
        if (this.pass.length === 0) return false
      }
      if (sent === limit) return true
      const recipient = this.pass[this.next++]!
      const from = recipient.upTo
      if (recipient.gone || from >= this.last) continue // left, or joined after these
      let frame = frames.get(from)
      if (!frame) {
        frame = frameMessage(encodeUpdate(this.since(from)))
        frames.set(from, frame)
      }
      const { peer } = recipient
      if (peer.sendFrame) peer.sendFrame(frame)
      else peer.send(frame.message)
      recipient.upTo = this.last
      sent++
    }
  }

  /** Every queued update after entry `from`, merged into one. */
  private since(from: number): Uint8Array {
    const updates = this.queue.filter((e) => e.seq > from).map((e) => e.update)
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  }

  /** Drops entries every peer has been sent. */
  private trim(): void {
    let min = this.last
    for (const { upTo } of this.peers.values()) if (upTo < min) min = upTo
    if (this.queue.length > 0 && this.queue[0]!.seq <= min) this.queue = this.queue.filter((e) => e.seq > min)
  }
}
