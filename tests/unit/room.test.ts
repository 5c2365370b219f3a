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
