import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addObject } from '../../shared/ops/objects'
import { createOrigin } from '../../shared/ops/origin'
import { objectsOf, readObject } from '../../shared/schema/boardDoc'
import type { BoardObject, ObjectKind, PropsOf } from '../../shared/schema/kinds'
import { frameFromDrag, shapeFromDrag } from '../../client/canvas/tools/drawings'
import { DEFAULT_TOOL_OPTIONS } from '../../client/canvas/tools/tools'
import { resizedProps } from '../../client/canvas/objects/resize'
import { idsInMarquee, rectFromPoints } from '../../client/canvas/tools/marquee'
import { snapRect } from '../../client/canvas/tools/snap'
import {
  dropClosePoints,
  eraserTouches,
  segmentDistance,
  simplifyPoints,
  smoothStroke,
  splitPoints,
  toRelative,
} from '../../client/canvas/tools/strokeMath'

describe('stroke smoothing', () => {
  it('drops points closer than the minimum distance but keeps both ends', () => {
    expect(dropClosePoints([0, 0, 0.5, 0, 1, 0, 3, 0, 3.5, 0], 2)).toEqual([0, 0, 3, 0, 3.5, 0])
    expect(dropClosePoints([0, 0, 1, 1], 2)).toEqual([0, 0, 1, 1])
  })

  it('simplifies a straight run to its ends and keeps a real corner', () => {
    const straight = [0, 0, 10, 0.1, 20, -0.1, 30, 0]
    expect(simplifyPoints(straight, 0.5)).toEqual([0, 0, 30, 0])
    const corner = [0, 0, 10, 0, 20, 0, 20, 10, 20, 20]
    expect(simplifyPoints(corner, 0.5)).toEqual([0, 0, 20, 0, 20, 20])
  })

  it('copes with thousands of points without recursion', () => {
    const zigzag = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? i : (i % 4) * 5))
    const out = smoothStroke(zigzag)
    expect(out.length % 2).toBe(0)
    expect(out.slice(0, 2)).toEqual(zigzag.slice(0, 2))
    expect(out.slice(-2)).toEqual(zigzag.slice(-2))
  })

  it('smoothing tolerances shrink as the view zooms in', () => {
    const wobble = [0, 0, 1, 0.3, 2, 0, 3, 0.3, 4, 0]
    expect(smoothStroke(wobble, 1)).toEqual([0, 0, 4, 0])
    expect(smoothStroke(wobble, 4).length).toBeGreaterThan(4)
  })

  it('makes points relative to the first and splits long trails that join up', () => {
    expect(toRelative([10, 20, 15, 25])).toEqual({ x: 10, y: 20, points: [0, 0, 5, 5] })
    const long = Array.from({ length: 20 }, (_, i) => i)
    const pieces = splitPoints(long, 8)
    expect(pieces.every((p) => p.length <= 8 && p.length % 2 === 0)).toBe(true)
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.slice(0, 2)).toEqual(pieces[i - 1]!.slice(-2))
    expect(pieces.at(-1)!.slice(-2)).toEqual([18, 19])
  })
})

describe('eraser hit-testing', () => {
  const stroke = { x: 100, y: 100, points: [0, 0, 100, 0], width: 4 }

  it('touches a stroke within its radius plus half the ink width', () => {
    expect(eraserTouches(stroke, { x: 150, y: 109 }, { x: 150, y: 109 }, 8)).toBe(true)
    expect(eraserTouches(stroke, { x: 150, y: 111 }, { x: 150, y: 111 }, 8)).toBe(false)
  })

  it('catches a fast swipe that jumps across the stroke between samples', () => {
    expect(eraserTouches(stroke, { x: 150, y: 50 }, { x: 150, y: 150 }, 2)).toBe(true)
  })

  it('measures segment distances', () => {
    expect(segmentDistance({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(0)
    expect(segmentDistance({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 10, y: 5 })).toBe(5)
  })

  it('handles a single-dot stroke', () => {
    const dot = { x: 0, y: 0, points: [0, 0], width: 8 }
    expect(eraserTouches(dot, { x: 10, y: 0 }, { x: 10, y: 0 }, 6)).toBe(true)
    expect(eraserTouches(dot, { x: 20, y: 0 }, { x: 20, y: 0 }, 6)).toBe(false)
  })
})

describe('snapping', () => {
  const other = { x: 100, y: 100, w: 100, h: 100 }

  it('lines up left edges within the threshold', () => {
    const r = snapRect({ x: 104, y: 400, w: 50, h: 50 }, [other], 8)
    expect(r).toMatchObject({ dx: -4, dy: 0, guideX: 100, guideY: null })
  })

  it('lines up centres and picks the nearest stop', () => {
    const r = snapRect({ x: 300, y: 123, w: 50, h: 50 }, [other], 8)
    // moving's middle (148) is 2 away from the other's middle (150)
    expect(r).toMatchObject({ dx: 0, dy: 2, guideY: 150 })
  })

  it('does nothing when no edge is near', () => {
    expect(snapRect({ x: 400, y: 400, w: 10, h: 10 }, [other], 8)).toEqual({
      dx: 0,
      dy: 0,
      guideX: null,
      guideY: null,
    })
  })
})

describe('marquee', () => {
  it('normalises a drag in any direction', () => {
    expect(rectFromPoints({ x: 50, y: 60 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20, w: 40, h: 40 })
  })

  it('selects what it touches, but containers only when wholly inside', () => {
    const items = [
      { id: 'note', bounds: { x: 0, y: 0, w: 100, h: 100 }, container: false },
      { id: 'far', bounds: { x: 700, y: 700, w: 10, h: 10 }, container: false },
      { id: 'frame', bounds: { x: -50, y: -50, w: 400, h: 400 }, container: true },
      { id: 'small-frame', bounds: { x: 60, y: 60, w: 20, h: 20 }, container: true },
    ]
    expect(idsInMarquee(items, { x: 50, y: 50, w: 40, h: 40 })).toEqual(['note', 'small-frame'])
    expect(idsInMarquee(items, { x: -100, y: -100, w: 600, h: 600 })).toEqual([
      'note',
      'frame',
      'small-frame',
    ])
  })
})

describe('resizing', () => {
  /** A real snapshot, read back from a document, so the test follows the schema's base fields. */
  function make<K extends ObjectKind>(kind: K, props: Partial<PropsOf<K>>): BoardObject {
    const doc = new Y.Doc()
    const id = addObject(doc, { kind, canvas: 'c', x: 0, y: 0, props }, createOrigin('u', 'A'))
    const read = readObject(id, objectsOf(doc).get(id)!)
    if (!read.ok) throw new Error(read.invalid.reason)
    return read.object
  }

  it('folds the scale into sizes, widths or points', () => {
    expect(resizedProps(make('sticky', { w: 200, h: 200 }), 1.5, 0.5)).toEqual({ w: 300, h: 100 })
    expect(resizedProps(make('text', { w: 300 }), 2, 3)).toEqual({ w: 600 })
    expect(resizedProps(make('stroke', { points: [0, 0, 10, 20] }), 2, 0.5)).toEqual({
      points: [0, 0, 20, 10],
    })
    expect(resizedProps(make('shape', { w: 100, h: -50 }), 2, 2)).toEqual({ w: 200, h: -100 })
  })

  it('never shrinks below a grabbable size and refuses invalid results', () => {
    const sticky = make('sticky', { w: 200, h: 200 })
    expect(resizedProps(sticky, 0.001, 0.001)).toEqual({ w: 8, h: 8 })
    expect(resizedProps(sticky, 100, 1)).toBeNull()
  })
})

describe('drawing shapes and frames', () => {
  it('boxes are stored from their top-left whichever way the drag went; lines keep their direction', () => {
    const rect = shapeFromDrag({ x: 100, y: 100 }, { x: 40, y: 70 }, DEFAULT_TOOL_OPTIONS)
    expect(rect).toMatchObject({ x: 40, y: 70, props: { shape: 'rect', w: 60, h: 30 } })
    const arrow = shapeFromDrag(
      { x: 100, y: 100 },
      { x: 40, y: 70 },
      { ...DEFAULT_TOOL_OPTIONS, shape: 'arrow' },
    )
    expect(arrow).toMatchObject({
      x: 100,
      y: 100,
      props: { shape: 'arrow', w: -60, h: -30, fill: 'transparent' },
    })
  })

  it('a click places a default-sized shape or frame', () => {
    const click = shapeFromDrag({ x: 5, y: 5 }, { x: 6, y: 6 }, DEFAULT_TOOL_OPTIONS)
    expect(click.props.w).toBeGreaterThan(50)
    expect(frameFromDrag({ x: 10, y: 20, w: 3, h: 3 })).toEqual({ x: 10, y: 20, w: 800, h: 600 })
    expect(frameFromDrag({ x: 10, y: 20, w: 300, h: 200 })).toEqual({ x: 10, y: 20, w: 300, h: 200 })
  })
})
