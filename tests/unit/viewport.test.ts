import { describe, expect, it } from 'vitest'
import {
  MAX_SCALE,
  MIN_SCALE,
  centerOn,
  pinchViewport,
  revealRect,
  screenToWorld,
  viewCenter,
  wheelViewport,
  worldToScreen,
  type Viewport,
  type WheelInput,
} from '../../client/canvas/viewport'
import { resized } from '../../client/canvas/useViewports'

const size = { width: 800, height: 600 }
const wheel = (change: Partial<WheelInput>): WheelInput => ({
  deltaX: 0,
  deltaY: 0,
  deltaMode: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...change,
})
const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 6)
  expect(a.y).toBeCloseTo(b.y, 6)
}

describe('centerOn ("Go to")', () => {
  it('puts the world point in the middle of the screen at the same zoom', () => {
    const v: Viewport = { x: 10, y: -40, scale: 2 }
    const next = centerOn(v, size, { x: 300, y: -120 })
    expect(next.scale).toBe(2)
    close(viewCenter(next, size), { x: 300, y: -120 })
  })
})

describe('pinchViewport', () => {
  const start: Viewport = { x: 100, y: 50, scale: 1 }

  it('zooms by the change in distance between the fingers, about their midpoint', () => {
    const from = [
      { x: 300, y: 300 },
      { x: 500, y: 300 },
    ] as const
    const to = [
      { x: 200, y: 300 },
      { x: 600, y: 300 },
    ] as const
    const next = pinchViewport(start, from, to)
    expect(next.scale).toBeCloseTo(2)
    // The world point that was under the midpoint is still under it.
    close(worldToScreen(next, screenToWorld(start, { x: 400, y: 300 })), { x: 400, y: 300 })
  })

  it('pans when both fingers move together, without zooming', () => {
    const from = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ] as const
    const to = [
      { x: 130, y: 140 },
      { x: 230, y: 140 },
    ] as const
    expect(pinchViewport(start, from, to)).toEqual({ x: 130, y: 90, scale: 1 })
  })

  it('keeps the zoom within limits and survives fingers on the same spot', () => {
    const dot = { x: 10, y: 10 }
    expect(pinchViewport(start, [dot, dot], [dot, { x: 500, y: 10 }]).scale).toBe(1)
    const apart = [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
    ] as const
    const pinched = [
      { x: 499, y: 0 },
      { x: 501, y: 0 },
    ] as const
    expect(pinchViewport(start, apart, pinched).scale).toBe(MIN_SCALE)
    expect(pinchViewport(start, pinched, apart).scale).toBe(MAX_SCALE)
  })
})

describe('wheelViewport', () => {
  const v: Viewport = { x: 0, y: 0, scale: 1 }
  const pointer = { x: 200, y: 150 }

  it('pans with a plain wheel or two-finger trackpad scroll', () => {
    expect(wheelViewport(v, wheel({ deltaX: 10, deltaY: 30 }), pointer, size)).toEqual({
      x: -10,
      y: -30,
      scale: 1,
    })
  })

  it('turns a vertical wheel into a horizontal pan with Shift', () => {
    expect(wheelViewport(v, wheel({ deltaY: 40, shiftKey: true }), pointer, size)).toEqual({
      x: -40,
      y: 0,
      scale: 1,
    })
  })

  it('reads wheels that count in lines', () => {
    expect(wheelViewport(v, wheel({ deltaY: 3, deltaMode: 1 }), pointer, size).y).toBe(-48)
  })

  it('zooms about the pointer with Ctrl (and a trackpad pinch, which arrives as Ctrl+wheel)', () => {
    const zoomedIn = wheelViewport(v, wheel({ deltaY: -100, ctrlKey: true }), pointer, size)
    expect(zoomedIn.scale).toBeGreaterThan(1)
    close(worldToScreen(zoomedIn, screenToWorld(v, pointer)), pointer)
    const zoomedOut = wheelViewport(v, wheel({ deltaY: 100, metaKey: true }), pointer, size)
    expect(zoomedOut.scale).toBeLessThan(1)
  })
})

describe('revealRect', () => {
  const v: Viewport = { x: 0, y: 0, scale: 1 }
  const small = { width: 400, height: 600 }

  it('leaves the view alone when the object is already on screen', () => {
    expect(revealRect(v, small, { x: 100, y: 100, w: 200, h: 200 })).toBe(v)
  })

  it('pans just enough to bring an object past the edge into view', () => {
    const next = revealRect(v, small, { x: 324, y: 100, w: 200, h: 200 })
    expect(next).toEqual({ x: -140, y: 0, scale: 1 })
    const left = revealRect({ x: 0, y: 0, scale: 2 }, small, { x: -50, y: 10, w: 20, h: 20 })
    expect(worldToScreen(left, { x: -50, y: 10 }).x).toBe(16)
  })
})

describe('a camera when the board area changes size', () => {
  it('keeps the same world point in the middle of the view', () => {
    const size = { width: 800, height: 600 }
    const view = centerOn({ x: 0, y: 0, scale: 1.5 }, size, { x: 320, y: 79.5 })
    for (const now of [
      { width: 800, height: 599 },
      { width: 450, height: 800 },
      { width: 1280, height: 553 },
    ]) {
      const c = viewCenter(resized({ view, size }, now), now)
      expect(c.x).toBeCloseTo(320, 9)
      expect(c.y).toBeCloseTo(79.5, 9)
    }
  })
})
