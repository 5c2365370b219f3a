import { describe, expect, it } from 'vitest'
import { Room } from '../../server/relay/room'
import { parseRoom } from '../../shared/rooms'

describe('Room.depart', () => {
  it('remembers only the most recent departed client ids, however many connections came and went', () => {
    const room = new Room('AAAAAAAAAAAAAAAAAAAAAA', parseRoom('AAAAAAAAAAAAAAAAAAAAAA')!)
    for (let id = 1; id <= 5000; id++) room.depart(id)
    expect(room.departed.size).toBe(1000)
    expect(room.departed.has(5000)).toBe(true)
    expect(room.departed.has(4001)).toBe(true)
    expect(room.departed.has(4000)).toBe(false)
    // departing again makes an id recent
    room.depart(4001)
    room.depart(6000)
    expect(room.departed.has(4001)).toBe(true)
    expect(room.departed.has(4002)).toBe(false)
    room.doc.destroy()
  })
})

describe('who writes under a client id', () => {
  const peer = () => ({ send() {}, close() {}, clientIds: new Set<number>() })
  it('keeps a client id to the connection using it, and to the person a token proved', () => {
    const room = new Room('r', { sessionId: 'x'.repeat(22), kind: 'board' })
    const [a, b, c] = [peer(), peer(), peer()]
    room.claim(7, a, '')
    expect(room.mayWriteAs(7, a, '')).toBe(true)
    expect(room.mayWriteAs(7, b, '')).toBe(false)
    room.leave(a)
    expect(room.mayWriteAs(7, b, '')).toBe(true) // a stock client reconnecting
    room.claim(8, b, 'ann')
    expect(room.mayWriteAs(8, c, 'ann')).toBe(true) // Ann again, before her old socket timed out
    expect(room.mayWriteAs(8, c, 'bob')).toBe(false)
    room.leave(b)
    expect(room.mayWriteAs(8, c, '')).toBe(false)
    expect(room.mayWriteAs(8, c, 'ann')).toBe(true)
  })
})
