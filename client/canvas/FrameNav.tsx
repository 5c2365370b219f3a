import type { Rect } from './viewport'

const STRINGS = {
  group: 'Pages',
  previous: 'Previous page',
  next: 'Next page',
  position: (i: number, n: number, title: string) =>
    i < 0 ? `${n} pages` : `Page ${i + 1} of ${n}: ${title}`,
}

export interface FramePage {
  readonly id: string
  readonly title: string
  readonly bounds: Rect
}

/**
 * Flipchart-style paging through the canvas's frames in their order: the view moves to the
 * previous or next frame. Shown only when the canvas has frames.
 */
export function FrameNav(props: {
  pages: readonly FramePage[]
  /** Index of the page in view, or -1 when the view is on none. */
  current: number
  onGo: (page: FramePage) => void
}) {
  const { pages, current } = props
  if (pages.length === 0) return null
  const prev = current > 0 ? pages[current - 1] : undefined
  const next = current < 0 ? pages[0] : pages[current + 1]
  return (
    <div className="frame-nav" role="group" aria-label={STRINGS.group}>
      <button
        type="button"
        title={STRINGS.previous}
        aria-disabled={!prev || undefined}
        onClick={() => prev && props.onGo(prev)}
      >
        ‹ {STRINGS.previous}
      </button>
      <span className="frame-nav-position" aria-live="polite">
        {STRINGS.position(current, pages.length, pages[current]?.title ?? '')}
      </span>
      <button
        type="button"
        title={STRINGS.next}
        aria-disabled={!next || undefined}
        onClick={() => next && props.onGo(next)}
      >
        {STRINGS.next} ›
      </button>
    </div>
  )
}
