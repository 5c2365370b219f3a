import { describe, expect, it } from 'vitest'
import { drawsLowDetail, LOW_DETAIL_MIN_OBJECTS } from '../../client/canvas/objects/LowDetailNode'

describe('when the board is drawn without text', () => {
  it('a phone showing a frame of a few notes at 30 % keeps their words', () => {
    expect(drawsLowDetail(0.3, 12)).toBe(false)
    expect(drawsLowDetail(0.1, LOW_DETAIL_MIN_OBJECTS)).toBe(false)
  })

  it('a crowded view zoomed out is drawn as shapes (2,000 notes at 20 %)', () => {
    expect(drawsLowDetail(0.2, 2000)).toBe(true)
    expect(drawsLowDetail(0.39, LOW_DETAIL_MIN_OBJECTS + 1)).toBe(true)
  })

  it('at 40 % and closer, always with text', () => {
    expect(drawsLowDetail(0.4, 2000)).toBe(false)
    expect(drawsLowDetail(1, 5000)).toBe(false)
  })
})
