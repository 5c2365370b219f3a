import { useLayoutEffect, useRef, type RefObject } from 'react'
import type { BoardObject } from '../../shared/schema/kinds'
import { boundsOf } from '../canvas/objects/bounds'
import type { Viewport } from '../canvas/viewport'

/** Room kept between what is selected and the selection bar (screen px). */
const GAP = 8

/**
 * When a selection is made, pans the view just enough that the selected objects are not under the
 * selection bar (at the top of the board, or above the dock on a phone), so the bar never covers
 * the note someone is working on or its vote buttons. Nothing moves if they are clear already or
 * too tall to be cleared.
 */
export function useSelectionClear(
  canvas: RefObject<HTMLElement | null>,
  selection: ReadonlySet<string>,
  objects: readonly BoardObject[],
  viewport: Viewport,
  setViewport: (v: Viewport) => void,
): void {
  const latest = useRef({ objects, viewport, setViewport })
  latest.current = { objects, viewport, setViewport }
  const key = [...selection].join(' ')
  useLayoutEffect(() => {
    const el = canvas.current
    const bar = el?.parentElement?.querySelector('.selection-bar')
    if (!el || !bar || !key) return
    const { objects, viewport: v, setViewport } = latest.current
    const ids = new Set(key.split(' '))
    const boxes = objects.filter((o) => ids.has(o.id)).map(boundsOf)
    if (boxes.length === 0) return
    const area = el.getBoundingClientRect()
    const b = bar.getBoundingClientRect()
    const top = area.top + v.y + Math.min(...boxes.map((r) => r.y)) * v.scale
    const bottom = area.top + v.y + Math.max(...boxes.map((r) => r.y + r.h)) * v.scale
    const left = area.left + v.x + Math.min(...boxes.map((r) => r.x)) * v.scale
    const right = area.left + v.x + Math.max(...boxes.map((r) => r.x + r.w)) * v.scale
    const covered = bottom > b.top - GAP && top < b.bottom + GAP && right > b.left && left < b.right
    if (!covered) return
    const barBelow = b.top + b.height / 2 > area.top + area.height / 2
    const dy = barBelow ? b.top - GAP - bottom : b.bottom + GAP - top
    const room = barBelow ? b.top - GAP - area.top : area.bottom - b.bottom - GAP
    if (bottom - top > room) return
    setViewport({ ...v, y: v.y + dy })
  }, [canvas, key])
}
