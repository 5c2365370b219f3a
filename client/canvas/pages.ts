import { phoneLayout } from './phoneLayout'
import { clampScale, fitRects, viewCenter, type Rect, type Size, type Viewport } from './viewport'

/** Room above a frame for its title when the view moves to it. */
export const TITLE_ROOM = 40

/**
 * The bands of the board that bars float over, which a page shown whole keeps clear of: the page
 * buttons (FrameNav) along the top on a laptop or tablet, above the bottom bars on a phone
 * (styles.css, `.frame-nav`); and on a laptop or tablet the tools down the left side (`.toolbar`,
 * about 92 px from the board's edge; the fit's own 48 px margin is within the band's room), which
 * covered a page's title on a tablet. A phone's tools are docked below the board, not over it.
 */
export function pageBarBand(size: Size): { top: number; bottom: number; left: number } {
  return phoneLayout(size.width) ? { top: 0, bottom: 176, left: 0 } : { top: 56, bottom: 0, left: 56 }
}

/**
 * The view that shows one frame (a flipchart page, a theme) whole, its title included, centred in
 * what the page buttons and the tools leave of the board (its title is the prompt: never under them).
 */
export function pageView(bounds: Rect, size: Size): Viewport {
  const { x, y, w, h } = bounds
  const band = pageBarBand(size)
  const room = {
    width: Math.max(1, size.width - band.left),
    height: Math.max(1, size.height - band.top - band.bottom),
  }
  const view = fitRects([{ x, y: y - TITLE_ROOM, w, h: h + TITLE_ROOM }], room)
  return { ...view, x: view.x + band.left, y: view.y + band.top }
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))

/**
 * Which page the view is on: the smallest page holding the middle of the view (pages can nest), or
 * else the one showing most on screen (the middle may sit in the gap between two pages), or -1
 * when no page is in view at all. Paging then always moves one page from where the person is.
 */
export function pageInView(pages: readonly Rect[], view: Viewport, size: Size): number {
  const c = viewCenter(view, size)
  let best = -1
  let bestArea = Infinity
  pages.forEach((p, i) => {
    const inside = c.x >= p.x && c.x <= p.x + p.w && c.y >= p.y && c.y <= p.y + p.h
    if (inside && p.w * p.h < bestArea) {
      best = i
      bestArea = p.w * p.h
    }
  })
  if (best >= 0) return best
  const shown: Rect = {
    x: -view.x / view.scale,
    y: -view.y / view.scale,
    w: size.width / view.scale,
    h: size.height / view.scale,
  }
  let most = 0
  pages.forEach((p, i) => {
    const a = overlap(p, shown)
    if (a > most) {
      most = a
      best = i
    }
  })
  return best
}

/** The smallest zoom a follower is fitted to while the leader is closer in: notes stay readable. */
export const READABLE_SCALE = 0.5

/** Someone else's view as they share it: the middle, and optionally their zoom and the area shown. */
export interface SharedView {
  readonly x: number
  readonly y: number
  readonly scale?: number | undefined
  readonly w?: number | undefined
  readonly h?: number | undefined
}

/**
 * The view that follows someone's: the same middle, and a zoom that shows the same world area
 * (fitted, so a phone following a laptop sees what the laptop shows, only smaller, down to half
 * size; on a screen of the same size that is the same zoom). Without their area, their zoom;
 * without either, the follower's own.
 */
export function followView(lead: SharedView, size: Size, own: Viewport): Viewport {
  const fitted = lead.w && lead.h ? Math.min(size.width / lead.w, size.height / lead.h) : null
  // A phone fitting a laptop's whole view would shrink notes past reading: it keeps at least half
  // size (the same middle, a little less around it), unless the leader is further out than that.
  const floor = Math.min(lead.scale ?? own.scale, READABLE_SCALE)
  const scale = clampScale(fitted === null ? (lead.scale ?? own.scale) : Math.max(fitted, floor))
  return { scale, x: size.width / 2 - lead.x * scale, y: size.height / 2 - lead.y * scale }
}
