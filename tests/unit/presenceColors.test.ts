import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { keepColorDistinct } from '../../client/sync/presence'
import { PRESENCE_COLORS, colorFor, distinctColor } from '../../shared/presence'

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('people’s colours', () => {
  it('carry white initials and names at 4.5 : 1 or more, and are all different', () => {
    for (const c of PRESENCE_COLORS) expect(1.05 / (luminance(c) + 0.05), c).toBeGreaterThanOrEqual(4.5)
    expect(new Set(PRESENCE_COLORS).size).toBe(PRESENCE_COLORS.length)
  })

  it('gives a person the same colour every time, from the palette', () => {
    expect(colorFor('a'.repeat(43))).toBe(colorFor('a'.repeat(43)))
    expect(PRESENCE_COLORS).toContain(colorFor('someone'))
  })
})

describe('a colour nobody else present has', () => {
  const [c0, c1, c2] = PRESENCE_COLORS

  it('is mine when nobody has it, and when only people who came after me have it', () => {
    expect(distinctColor({ id: 'me', color: c0, since: 10 }, [{ id: 'b', color: c1, since: 5 }])).toBe(c0)
    expect(distinctColor({ id: 'me', color: c0, since: 10 }, [{ id: 'late', color: c0, since: 20 }])).toBe(c0)
    // my other tabs are me
    expect(distinctColor({ id: 'me', color: c0, since: 10 }, [{ id: 'me', color: c0, since: 5 }])).toBe(c0)
  })

  it('moves when someone here before me has it (the smaller id first on a tie), to one nobody has', () => {
    const moved = distinctColor({ id: 'me', color: c0, since: 10 }, [
      { id: 'early', color: c0, since: 5 },
      { id: 'x', color: c1, since: 20 },
    ])
    expect(moved).not.toBe(c0)
    expect(moved).not.toBe(c1)
    expect(PRESENCE_COLORS).toContain(moved)
    expect(distinctColor({ id: 'b', color: c2, since: 10 }, [{ id: 'a', color: c2, since: 10 }])).not.toBe(c2)
    expect(distinctColor({ id: 'a', color: c2, since: 10 }, [{ id: 'b', color: c2, since: 10 }])).toBe(c2)
  })

  it('with every colour taken, takes one nobody before me has; with none, keeps its own', () => {
    const before = PRESENCE_COLORS.slice(1).map((color, i) => ({ id: `p${i}`, color, since: 1 }))
    const after = [{ id: 'late', color: PRESENCE_COLORS[0], since: 99 }]
    expect(distinctColor({ id: 'me', color: c1, since: 10 }, [...before, ...after])).toBe(PRESENCE_COLORS[0])
    const all = PRESENCE_COLORS.map((color, i) => ({ id: `q${i}`, color, since: 1 }))
    expect(distinctColor({ id: 'me', color: c1, since: 10 }, all)).toBe(c1)
  })
})

describe('keepColorDistinct', () => {
  const [c0] = PRESENCE_COLORS
  it('changes my colour when an earlier person shows in it, and not for their cursor moving', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const share = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    mine.setLocalState({ user: { id: 'me', name: 'Me', color: c0, role: 'participant', since: 10 } })
    const stop = keepColorDistinct(mine)
    const colour = () => (mine.getLocalState() as { user: { color: string } }).user.color
    expect(colour()).toBe(c0)
    theirs.setLocalState({ user: { id: 'early', name: 'E', color: c0, role: 'participant', since: 5 } })
    share()
    expect(colour()).not.toBe(c0)
    const moved = colour()
    let writes = 0
    mine.on('change', (_: unknown, origin: unknown) => origin === 'local' && writes++)
    theirs.setLocalStateField('cursor', { canvas: 'c', x: 1, y: 2 })
    share()
    expect(colour()).toBe(moved)
    expect(writes).toBe(0)
    stop()
  })
})
