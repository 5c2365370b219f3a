import { describe, expect, it } from 'vitest'
import { unseenWaiting } from '../../client/facilitation/LobbyNotice'
import { avatarsShown } from '../../client/panels/PresenceList'

describe('the faces on the header', () => {
  it('are everyone up to one past the limit, else the limit and "+N" for the rest', () => {
    expect(avatarsShown(0, 4)).toBe(0)
    expect(avatarsShown(4, 4)).toBe(4)
    // "+1" would take the room of the face it stands for
    expect(avatarsShown(5, 4)).toBe(5)
    expect(avatarsShown(6, 4)).toBe(4)
    expect(avatarsShown(60, 2)).toBe(2)
  })
})

describe('the people a facilitator has not put off with Later', () => {
  const pat = { id: 'p1', name: 'Pat', since: 1000 }
  const sam = { id: 'p2', name: 'Sam', since: 2000 }
  it('are those who came after Later was pressed', () => {
    expect(unseenWaiting([pat], new Set())).toEqual([pat])
    expect(unseenWaiting([pat], new Set(['p1:1000']))).toEqual([])
    expect(unseenWaiting([pat, sam], new Set(['p1:1000']))).toEqual([sam])
  })
  it('include someone who left the lobby and asked again', () => {
    expect(unseenWaiting([{ ...pat, since: 5000 }], new Set(['p1:1000']))).toHaveLength(1)
  })
})
