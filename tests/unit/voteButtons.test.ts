import { describe, expect, it } from 'vitest'
import { controlsScale } from '../../client/facilitation/CanvasBadges'

describe('vote buttons on the canvas stay big enough to tap', () => {
  it('at the board’s own size and closer, as drawn', () => {
    expect(controlsScale(1)).toBe(1)
    expect(controlsScale(2)).toBe(1)
  })

  it('further out (a phone following a laptop, a fitted board), never under 24 px on screen', () => {
    for (const zoom of [0.9, 0.72, 0.5, 0.3, 0.27]) {
      const k = controlsScale(zoom)
      expect(26 * zoom * k).toBeGreaterThanOrEqual(24)
      expect(k % 0.5).toBe(0) // in steps: a pinch does not redraw them on every frame
    }
    expect(controlsScale(0.5)).toBe(2)
  })

  it('at most four times as large: a whole board seen from afar is not covered in buttons', () => {
    expect(controlsScale(0.05)).toBe(4)
  })
})
