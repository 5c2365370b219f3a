import { useTranslation } from 'react-i18next'
import type { Rect } from './viewport'

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
  const { t } = useTranslation('board')
  const { pages, current } = props
  if (pages.length === 0) return null
  const prev = current > 0 ? pages[current - 1] : undefined
  const next = current < 0 ? pages[0] : pages[current + 1]
  return (
    <div className="frame-nav" role="group" aria-label={t('pages.group')}>
      <button
        type="button"
        title={t('pages.previous')}
        aria-disabled={!prev || undefined}
        onClick={() => prev && props.onGo(prev)}
      >
        ‹ {t('pages.previous')}
      </button>
      <span className="frame-nav-position" aria-live="polite">
        {current < 0
          ? t('pages.count', { count: pages.length })
          : t('pages.position', { n: current + 1, of: pages.length, title: pages[current]?.title ?? '' })}
      </span>
      <button
        type="button"
        title={t('pages.next')}
        aria-disabled={!next || undefined}
        onClick={() => next && props.onGo(next)}
      >
        {t('pages.next')} ›
      </button>
    </div>
  )
}
