import { lazy, Suspense, useEffect, type KeyboardEvent } from 'react'
import type { CanvasActions } from './CanvasManager'
import './canvasTabs.css'
import { MoreCanvases } from './MoreCanvases'
import { useTabsFit } from './useTabsFit'

// Only facilitators manage canvases: only they load the code for it.
const CanvasManager = lazy(() => import('./CanvasManager').then((m) => ({ default: m.CanvasManager })))
import { useTranslation } from 'react-i18next'

export interface CanvasTab {
  readonly id: string
  readonly name: string
}

/** DOM id of a canvas's tab, so the board area can say which tab labels it. */
export const tabDomId = (canvasId: string): string => `canvas-tab-${canvasId}`
export const BOARD_PANEL_ID = 'board-panel'

/** Focuses a canvas's tab once React has drawn it (a new or moved tab is not in the DOM yet). */
export function focusTab(canvasId: string): void {
  requestAnimationFrame(() => document.getElementById(tabDomId(canvasId))?.focus())
}

/**
 * The session's canvases as tabs (ARIA tabs pattern: arrow keys, Home and End move and select).
 * A facilitator also gets the controls to add, rename, reorder and delete canvases.
 */
export function CanvasTabs(props: {
  canvases: readonly CanvasTab[]
  current: string
  onSelect: (id: string) => void
  /** Present for facilitators only: participants and viewers just switch. */
  manage?: { readonly actions: CanvasActions; readonly objectCount: number }
}) {
  const { t } = useTranslation(['panels', 'common'])
  const { canvases, current, onSelect } = props
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = canvases.findIndex((c) => c.id === current)
    if (i < 0) return
    const last = canvases.length - 1
    const target =
      e.key === 'ArrowRight'
        ? (i + 1) % canvases.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + canvases.length) % canvases.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1
    const next = canvases[target]
    if (!next) return
    e.preventDefault()
    onSelect(next.id)
    // a canvas from the "More" menu gets its tab only once it is the current one
    focusTab(next.id)
  }
  const currentTab = canvases.find((c) => c.id === current)
  // A new canvas, or one chosen by "Go to", may sit past the edge of a row of many tabs.
  useEffect(() => {
    document.getElementById(tabDomId(current))?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [current, canvases.length])
  // Tabs that do not fit the row go into the "More canvases" menu; the current one always shows.
  const fit = useTabsFit(canvases, current)
  return (
    <div className="canvas-bar" ref={fit.barRef}>
      <div
        className={fit.measuring ? 'canvas-tabs measuring' : 'canvas-tabs'}
        role="tablist"
        aria-label={t('canvases.tablist')}
        onKeyDown={onKeyDown}
        ref={fit.listRef}
      >
        {fit.shown.map((c) => (
          <button
            key={c.id}
            id={tabDomId(c.id)}
            type="button"
            role="tab"
            aria-selected={c.id === current}
            aria-controls={BOARD_PANEL_ID}
            tabIndex={c.id === current ? 0 : -1}
            title={c.name || undefined}
            onClick={() => onSelect(c.id)}
          >
            {c.name || t('common:untitled')}
          </button>
        ))}
      </div>
      {fit.more.length > 0 && (
        <MoreCanvases
          canvases={fit.more}
          onSelect={(id) => {
            onSelect(id)
            focusTab(id)
          }}
        />
      )}
      {props.manage && currentTab && (
        <Suspense fallback={null}>
          <CanvasManager
            canvases={canvases}
            current={currentTab}
            objectCount={props.manage.objectCount}
            actions={props.manage.actions}
            onSelect={onSelect}
          />
        </Suspense>
      )}
    </div>
  )
}
