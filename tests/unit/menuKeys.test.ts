import { describe, expect, it } from 'vitest'
import { menuKey } from '../../client/panels/menuKeys'

const items = ['PNG', 'PDF', 'Markdown', 'CSV', 'JSON', 'Cook book']

describe('the Export menu’s keyboard', () => {
  it('moves with the arrows, wrapping at the ends, and jumps with Home and End', () => {
    expect(menuKey('ArrowDown', 0, items)).toBe(1)
    expect(menuKey('ArrowDown', 5, items)).toBe(0)
    expect(menuKey('ArrowUp', 0, items)).toBe(5)
    expect(menuKey('Home', 3, items)).toBe(0)
    expect(menuKey('End', 0, items)).toBe(5)
  })

  it('moves to the next item starting with a typed letter, in any case', () => {
    expect(menuKey('p', 0, items)).toBe(1)
    expect(menuKey('P', 1, items)).toBe(0)
    expect(menuKey('c', 0, items)).toBe(3)
    expect(menuKey('c', 3, items)).toBe(5)
    expect(menuKey('z', 0, items)).toBeNull()
  })

  it('closes on Escape, lets Tab leave, and ignores other keys', () => {
    expect(menuKey('Escape', 2, items)).toBe('close')
    expect(menuKey('Tab', 2, items)).toBe('leave')
    expect(menuKey('Shift', 2, items)).toBeNull()
    expect(menuKey(' ', 2, items)).toBeNull()
  })
})
