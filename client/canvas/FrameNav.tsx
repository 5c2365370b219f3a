import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { framesInOrder } from '../../shared/schema/geometry'
import type { BoardObject } from '../../shared/schema/kinds'
import { boundsOf } from './objects/bounds'
import { pageInView, pageView } from './pages'
import type { Rect, Size, Viewport } from './viewport'

export interface FramePage {
  readonly id: string
  readonly title: string
  readonly bounds: Rect
}

/** The canvas's frames as pages, in their order. */
export function framePages(objects: readonly BoardObject[]): FramePage[] {
  return framesInOrder(objects).map((f) => ({
    id: f.id,
    title: f.kind === 'frame' ? f.props.title : '',
    bounds: boundsOf(f),
  }))
}

/**
 * Flipchart-style paging through the canvas's frames in their order: the view moves to the
 * previous or next frame, one at a time from the page in view. Shown only when the canvas has frames.
 */
export function FrameNav(props: {
  objects: readonly BoardObject[]
  viewport: Viewport
  size: Size
  setViewport: (v: Viewport) => void
}) {
  const { t } = useTranslation('board')
  const { objects, viewport, size } = props
  const pages = useMemo(() => framePages(objects), [objects])
  if (pages.length === 0) return null
  const current = pageInView(
    pages.map((p) => p.bounds),
    viewport,
    size,
  )
  const prev = current > 0 ? pages[current - 1] : undefined
  const next = current < 0 ? pages[0] : pages[current + 1]
  const go = (page: FramePage | undefined) => page && props.setViewport(pageView(page.bounds, size))
  const title = pages[current]?.title
  return (
    <div className="frame-nav" role="group" aria-label={t('pages.group')}>
      <button
        type="button"
        title={t('pages.previous')}
        aria-disabled={!prev || undefined}
        onClick={() => go(prev)}
      >
        ‹ {t('pages.previous')}
      </button>
      <span className="frame-nav-position" aria-live="polite" title={title}>
        {current < 0
          ? t('pages.count', { count: pages.length })
          : t('pages.position', { n: current + 1, of: pages.length })}
        {title ? ` · ${title}` : null}
      </span>
      <button
        type="button"
        title={t('pages.next')}
        aria-disabled={!next || undefined}
        onClick={() => go(next)}
      >
        {t('pages.next')} ›
      </button>
    </div>
  )
}
