export interface ZoomControlsProps {
  readonly scale: number
  readonly onZoomIn: () => void
  readonly onZoomOut: () => void
  readonly onReset: () => void
  readonly onFit: () => void
}

/** Zoom buttons in the corner of the board; the keyboard has + - 0 and 1 for the same. */
export function ZoomControls(props: ZoomControlsProps) {
  const percent = `${Math.round(props.scale * 100)}%`
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out (-)"
        aria-keyshortcuts="-"
        onClick={props.onZoomOut}
      >
        −
      </button>
      <button
        type="button"
        className="zoom-percent"
        aria-label={`Zoom ${percent}, reset to 100%`}
        title="Reset to 100% (0)"
        aria-keyshortcuts="0"
        onClick={props.onReset}
      >
        {percent}
      </button>
      <button
        type="button"
        aria-label="Zoom in"
        title="Zoom in (+)"
        aria-keyshortcuts="+"
        onClick={props.onZoomIn}
      >
        +
      </button>
      <button
        type="button"
        aria-label="Zoom to fit"
        title="Show everything on this canvas (1)"
        aria-keyshortcuts="1"
        onClick={props.onFit}
      >
        Fit
      </button>
    </div>
  )
}
