import type { KeyboardEvent } from 'react'

export interface CanvasTab {
  readonly id: string
  readonly name: string
}

/** DOM id of a canvas's tab, so the board area can say which tab labels it. */
export const tabDomId = (canvasId: string): string => `canvas-tab-${canvasId}`
export const BOARD_PANEL_ID = 'board-panel'

/** The session's canvases as tabs (ARIA tabs pattern: arrow keys move and select). */
export function CanvasTabs(props: {
  canvases: readonly CanvasTab[]
  current: string
  onSelect: (id: string) => void
}) {
  const { canvases, current, onSelect } = props
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = canvases.findIndex((c) => c.id === current)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0 || i < 0) return
    e.preventDefault()
    const next = canvases[(i + step + canvases.length) % canvases.length]
    if (!next) return
    onSelect(next.id)
    document.getElementById(tabDomId(next.id))?.focus()
  }
  return (
    <div className="canvas-tabs" role="tablist" aria-label="Canvases" onKeyDown={onKeyDown}>
      {canvases.map((c) => (
        <button
          key={c.id}
          id={tabDomId(c.id)}
          type="button"
          role="tab"
          aria-selected={c.id === current}
          aria-controls={BOARD_PANEL_ID}
          tabIndex={c.id === current ? 0 : -1}
          onClick={() => onSelect(c.id)}
        >
          {c.name || 'Untitled'}
        </button>
      ))}
    </div>
  )
}
